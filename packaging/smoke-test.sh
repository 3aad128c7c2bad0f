#!/usr/bin/env bash
# Installs the .deb with apt, checks the installed files and runs the installed gateway headless, then removes the
# package and whatever apt pulled in for it, so the machine is left as it was.
#
#   packaging/smoke-test.sh [build-package/gatehouse_<version>_amd64.deb]
#
# Runs as root (or through sudo) with no display and no D-Bus session: what CI has. Needs curl.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
# Other builds on a shared machine may hold the dpkg lock for a while: wait for it rather than fail.
apt_get() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"
}
fail() {
    echo "smoke-test: FAIL: $*" >&2
    exit 1
}
installed_packages() {
    dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 == "ii" { print $2 }' | sort
}

if [ $# -ge 1 ]; then
    deb=$1
else
    debs=(build-package/gatehouse_*_*.deb)
    [ -e "${debs[0]}" ] || fail "no build-package/gatehouse_*.deb: run tools/dev.sh package first"
    [ ${#debs[@]} -eq 1 ] || fail "several packages in build-package (${debs[*]}): name one"
    deb=${debs[0]}
fi
# apt-get install treats an argument as a file only when it looks like a path.
deb=$(realpath "$deb")
version=$(dpkg-deb -f "$deb" Version)
command -v curl >/dev/null || fail "curl is needed"

# Removing the package at the end must not remove a copy someone installed on purpose.
if dpkg-query -W -f='${db:Status-Abbrev}' gatehouse 2>/dev/null | grep -q '^ii'; then
    fail "gatehouse is already installed; this test installs and removes it, so remove it first"
fi

work=$(mktemp -d)
serve_pid=
new_packages=()
cleanup() {
    local status=$?
    if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then
        kill -KILL "$serve_pid" 2>/dev/null || true
    fi
    if dpkg-query -W -f='${db:Status-Abbrev}' gatehouse 2>/dev/null | grep -q '^ii'; then
        echo "--- removing gatehouse ${new_packages[*]}"
        apt_get purge -y gatehouse "${new_packages[@]}" >/dev/null
    fi
    rm -rf "$work"
    if [ $status -eq 0 ]; then echo "smoke-test: PASS"; fi
}
trap cleanup EXIT

echo "--- apt-get install $deb"
before=$(installed_packages)
# apt resolves the Depends (and Recommends, as a user's install would) from the archive.
apt_get install -y "$deb" >"$work/apt.log" || { cat "$work/apt.log"; fail "apt-get install"; }
# Everything that arrived with the package goes again at the end.
mapfile -t new_packages < <(comm -13 <(echo "$before") <(installed_packages) | grep -v '^gatehouse\(:.*\)\?$' || true)
echo "pulled in: ${new_packages[*]:-(nothing)}"

echo "--- installed files"
for file in /usr/bin/gatehouse /usr/bin/gatehouse-cli \
    /usr/share/applications/io.github.gatehouse.Gatehouse.desktop \
    /usr/share/metainfo/io.github.gatehouse.Gatehouse.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.github.gatehouse.Gatehouse.svg \
    /usr/lib/systemd/user/gatehouse-gateway.service; do
    [ -f "$file" ] || fail "$file is not installed"
done
icon=$(sed -n 's/^Icon=//p' /usr/share/applications/io.github.gatehouse.Gatehouse.desktop)
[ -f "/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "the desktop file's Icon=$icon has no icon"
if dpkg -L gatehouse | grep -Ei '/(tests?|bench)(/|$)|/test_'; then
    fail "tests are packaged"
fi
for exe in /usr/bin/gatehouse /usr/bin/gatehouse-cli; do
    if ldd "$exe" | grep 'not found'; then fail "$exe has unresolved libraries"; fi
done
# gatehouse-cli links only the core (docs/ARCHITECTURE.md): a headless machine needs no GUI library for it.
if ldd /usr/bin/gatehouse-cli | grep -E 'libQt6(Gui|Widgets)'; then fail "gatehouse-cli links a GUI library"; fi

# No real HOME, display or D-Bus: nothing the test runs may write outside $work.
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
export XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$HOME"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

# The user unit's syntax and ExecStart, where systemd is installed (CI containers may have none).
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --user --man=no /usr/lib/systemd/user/gatehouse-gateway.service || fail "the user unit"
fi

echo "--- gatehouse-cli --version"
out=$(/usr/bin/gatehouse-cli --version)
echo "$out"
[ "$out" = "gatehouse-cli $version" ] || fail "expected \"gatehouse-cli $version\""
# The console starts on Qt's offscreen platform: its libraries and the packaged platform plugins load.
out=$(QT_QPA_PLATFORM=offscreen /usr/bin/gatehouse --version)
echo "gatehouse --version: $out"
[[ $out == *"$version"* ]] || fail "gatehouse --version printed \"$out\""

echo "--- gatehouse-cli serve"
cli=(/usr/bin/gatehouse-cli --data-dir "$work/data")
"${cli[@]}" consumer add smoke --description "packaging smoke test" >/dev/null
# The gateway's own admin listener is the upstream that answers: no other server is needed on the machine.
# Port 1 on loopback is the upstream that refuses: nothing listens there on any normal machine.
"${cli[@]}" api add refused --upstream http://127.0.0.1:1 --strip-prefix --timeout 5s >/dev/null

# Port 0: the kernel picks free ports, and serve prints the ones it got.
"${cli[@]}" serve --listen 127.0.0.1:0 --admin-listen 127.0.0.1:0 --workers 2 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do
    grep -q 'listening on' "$work/serve.out" && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.err"; fail "serve exited before listening"; }
    sleep 0.1
done
grep -q 'listening on' "$work/serve.out" || { cat "$work/serve.err"; fail "serve did not listen within 10 s"; }
cat "$work/serve.out"
listen=$(sed -n 's|.*listening on http://\([0-9.]*:[0-9]*\).*|\1|p' "$work/serve.out")
admin=$(sed -n 's|.*(admin http://\([0-9.]*:[0-9]*\)).*|\1|p' "$work/serve.out")
[ -n "$listen" ] && [ -n "$admin" ] || fail "could not read the ports from serve's output"

# A change made by another process while serve runs reaches the gateway through the shared catalog file.
"${cli[@]}" api add admin --upstream "http://$admin" --strip-prefix --timeout 5s >/dev/null
token=$("${cli[@]}" token create --consumer smoke --scope api:refused --scope api:admin:read --ttl 15m --name smoke)
# serve polls the catalog's revision (every 100 ms): wait until the new route answers, at most 5 s.
for _ in $(seq 50); do
    code=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
        "http://$listen/admin/healthz" || true)
    [ "$code" = 404 ] || [ "$code" = 401 ] || break
    sleep 0.1
done

# expect STATUS PATH [curl arguments...]: the status, and a JSON error body for every refusal.
expect() {
    local want=$1 path=$2
    shift 2
    local got
    got=$(curl -sS --max-time 15 -o "$work/body" -w '%{http_code}' "$@" "http://$listen$path") || fail "curl $path"
    echo "$path -> $got $(head -c 200 "$work/body")"
    [ "$got" = "$want" ] || fail "$path: expected $want, got $got"
    if [ "$want" -ge 400 ]; then
        grep -q '"error"' "$work/body" || fail "$path: the $got has no JSON error body"
    fi
}
auth=(-H "Authorization: Bearer $token")
curl -sSf --max-time 5 -o /dev/null "http://$admin/healthz" || fail "the admin listener's /healthz"
expect 404 /nonexistent "${auth[@]}"
expect 401 /admin/healthz
expect 200 /admin/healthz "${auth[@]}"
expect 403 /admin/healthz -X POST "${auth[@]}"
expect 502 /refused/anything "${auth[@]}"

echo "--- SIGTERM"
kill -TERM "$serve_pid"
status=0
wait "$serve_pid" || status=$?
serve_pid=
[ $status -eq 0 ] || { cat "$work/serve.err"; fail "serve exited $status after SIGTERM"; }
# serve flushes the request log before it exits: every request above is in it.
logged=$("${cli[@]}" --json logs --limit 100 | grep -c '"status"' || true)
echo "request log rows: $logged"
[ "$logged" -ge 5 ] || fail "expected at least 5 rows in the request log, found $logged"
