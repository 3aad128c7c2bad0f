#!/usr/bin/env bash
# Saves a PNG of every page of the console, on a fresh demo catalog, into docs/screenshots/ (the
# README shows them). Runs the real console in a real X server (Xvfb), at a fixed size and font.
#
#   tools/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
for package in xvfb xauth; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends xvfb xauth
        break
    fi
done
tools/dev.sh build

data=$(mktemp -d)
settings=$(mktemp -d)
trap 'rm -rf "$data" "$settings"' EXIT
build/app/gatehouse-cli --data-dir "$data" demo >/dev/null
# Its own settings directory, so the admin's own preferences neither leak in nor change; no gateway,
# so that the pictures do not depend on which ports are free.
XDG_CONFIG_HOME=$settings QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
    build/app/gatehouse --data-dir "$data" --no-gateway --screenshots "$out"
ls "$out"
