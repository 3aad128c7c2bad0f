#!/usr/bin/env bash
# Saves a PNG of every page of the console into docs/screenshots/ (the README shows them): a fresh
# demo catalog, some real traffic through a headless gateway so that the live log has rows, then
# the real console in a real X server (Xvfb) at a fixed size.
#
#   tools/screenshots.sh [OUTPUT_DIR [CONSOLE_ARGS...]]    e.g. tools/screenshots.sh /tmp/de --lang de
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
shift || true
console_args=("$@")

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
missing=()
for package in xvfb xauth curl; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
tools/dev.sh build

cli=build/app/gatehouse-cli
data=$(mktemp -d)
upstream_data=$(mktemp -d)
settings=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$data" "$upstream_data" "$settings"
}
trap cleanup EXIT

$cli --data-dir "$data" demo >/dev/null

# The demo's "inventory" API points at 127.0.0.1:9001. A second gateway's admin listener stands in
# for that upstream: /healthz answers 200, anything else 404. Nothing else is needed.
$cli --data-dir "$upstream_data" serve --listen 127.0.0.1:0 --admin-listen 127.0.0.1:9001 >/dev/null &
pids+=($!)
$cli --data-dir "$data" serve --listen 127.0.0.1:18080 --no-admin --workers 1 >/dev/null &
gateway=$!
pids+=($gateway)
for _ in $(seq 50); do
    curl -s -o /dev/null http://127.0.0.1:18080/ && curl -s -o /dev/null http://127.0.0.1:9001/healthz && break
    sleep 0.1
done

token=$($cli --data-dir "$data" token create --consumer data-team --scope api:inventory:read --ttl 30d --name dashboards)
call() { curl -s -o /dev/null "$@" || true; }
for _ in $(seq 12); do
    call -H "Authorization: Bearer $token" http://127.0.0.1:18080/inventory/healthz
done
call -H "Authorization: Bearer $token" http://127.0.0.1:18080/inventory/items/42
call -H "Authorization: Bearer $token" -X POST -d '{}' http://127.0.0.1:18080/inventory/items
call -H "Authorization: Bearer $token" http://127.0.0.1:18080/billing/invoices
call http://127.0.0.1:18080/inventory/healthz
call -H "Authorization: Bearer gth_not_a_real_token" http://127.0.0.1:18080/inventory/healthz
call http://127.0.0.1:18080/nowhere
kill -TERM "$gateway"
wait "$gateway" || true

# Its own settings directory, so the admin's own preferences neither leak in nor change; no gateway,
# so that the pictures do not depend on which ports are free. Xvfb has no keychain: a passphrase gives the
# AI Providers page the encrypted-file store, as on a headless workstation, instead of "no place for keys".
GATEHOUSE_SECRETS_PASSPHRASE=screenshots XDG_CONFIG_HOME=$settings QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
    build/app/gatehouse --data-dir "$data" --no-gateway --screenshots "$out" ${console_args[@]+"${console_args[@]}"}
ls "$out"
