#!/usr/bin/env bash
# Per-request cost of the gateway, measured in a way a shared, noisy machine cannot skew: the
# instructions (callgrind) or the system calls (strace -c) of `gatehouse-cli serve --workers 1`
# while N keep-alive GETs pass through it to a tiny nginx upstream over 8 connections. Every thread
# counts (workers and the request-log writer); start-up and a 400-request warm-up do not.
#
#   bench/gateway-instructions.sh [--requests 8000] [--mode callgrind|strace] [--build-dir build]
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=8000
MODE=callgrind
BUILD=build
while [ $# -gt 0 ]; do
    case "$1" in
        --requests) REQUESTS=$2; shift 2 ;;
        --mode) MODE=$2; shift 2 ;;
        --build-dir) BUILD=$2; shift 2 ;;
        *) echo "usage: $0 [--requests 8000] [--mode callgrind|strace] [--build-dir build]" >&2; exit 2 ;;
    esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for tool in nginx valgrind strace python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
[ -x "$BUILD/app/gatehouse-cli" ] || ./tools/dev.sh build

work=$(mktemp -d)
serve_pid=
cleanup() {
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

UPSTREAM=18911 GATEWAY=18913
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 100000;
    server { listen 127.0.0.1:$UPSTREAM; location / { return 200 '{"ok":true}\n'; } } }
CONF
nginx -c "$work/nginx.conf" -p "$work"

# load PORT TOKEN N: N keep-alive GETs over 8 connections, each waiting for its response.
cat > "$work/load.py" <<'PY'
import socket, sys, threading
port, token, total = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
request = ("GET /tiny/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nAuthorization: Bearer %s\r\n\r\n" % token).encode()
failures = []
def run(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = b""
    for _ in range(count):
        s.sendall(request)
        while True:
            end = buf.find(b"\r\n\r\n")
            if end >= 0:
                head = buf[:end].decode()
                length = 0
                for line in head.split("\r\n")[1:]:
                    name, _, value = line.partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                if len(buf) >= end + 4 + length:
                    if not head.startswith("HTTP/1.1 200"):
                        failures.append(head.split("\r\n")[0])
                    buf = buf[end + 4 + length:]
                    break
            chunk = s.recv(65536)
            if not chunk:
                raise SystemExit("the gateway closed the connection")
            buf += chunk
    s.close()
threads = [threading.Thread(target=run, args=(total // 8,)) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
if failures:
    sys.exit("%d responses were not 200, e.g. %s" % (len(failures), failures[0]))
PY

cli=("$BUILD/app/gatehouse-cli" --data-dir "$work/data")
"${cli[@]}" consumer add bench >/dev/null
"${cli[@]}" api add tiny --upstream "http://127.0.0.1:$UPSTREAM" --strip-prefix >/dev/null
TOKEN=$("${cli[@]}" token create --consumer bench --scope api:tiny --ttl 1h 2>/dev/null)
serve=("${cli[@]}" serve --workers 1 --no-admin --listen "127.0.0.1:$GATEWAY")
case "$MODE" in
    callgrind) valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.%p" "${serve[@]}" >"$work/serve.log" 2>"$work/valgrind.log" & ;;
    strace) strace -f -c -o "$work/strace.txt" "${serve[@]}" >"$work/serve.log" 2>&1 & ;;
    *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac
tracer=$!
for _ in $(seq 300); do grep -q listening "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
serve_pid=$tracer
[ "$MODE" = strace ] && serve_pid=$(pgrep -P "$tracer")
python3 "$work/load.py" "$GATEWAY" "$TOKEN" 400 # warm-up: connections, pool, caches
sleep 0.5
if [ "$MODE" = callgrind ]; then
    callgrind_control -z "$tracer" >/dev/null 2>&1
    python3 "$work/load.py" "$GATEWAY" "$TOKEN" "$REQUESTS"
    sleep 0.4 # the request log's next batch
    callgrind_control -d "$tracer" >/dev/null 2>&1
    kill -TERM "$serve_pid"; wait "$tracer" || true; serve_pid=
    profile=$(ls -t "$work"/callgrind.*.* | head -1)
    total=$(callgrind_annotate "$profile" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }')
    cp "$profile" "$BUILD/gateway-instructions.callgrind"
    echo "instructions: $total for $REQUESTS requests, $((total / REQUESTS)) per request"
    echo "profile: $BUILD/gateway-instructions.callgrind (callgrind_annotate --inclusive=yes)"
else
    kill -0 "$serve_pid"
    python3 "$work/load.py" "$GATEWAY" "$TOKEN" "$REQUESTS"
    sleep 0.4
    kill -TERM "$serve_pid"; wait "$tracer" || true; serve_pid=
    echo "system calls of serve for $((REQUESTS + 400)) requests (start-up included):"
    head -12 "$work/strace.txt"
fi
