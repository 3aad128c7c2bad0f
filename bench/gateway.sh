#!/usr/bin/env bash
# Gateway benchmark: in one run, wrk against a tiny upstream directly, through nginx as a reverse proxy,
# and through `gatehouse-cli serve` with a valid token and request logging on. Prints requests per second
# and p50/p99 latency for each, the gatehouse/nginx ratios, and the request log's bytes per row.
#
#   bench/gateway.sh [--duration 10s] [--connections 64] [--threads 2] [--build-dir build]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=10s
CONNECTIONS=64
THREADS=2
BUILD=build
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --build-dir) BUILD=$2; shift 2 ;;
        *) echo "usage: $0 [--duration 10s] [--connections 64] [--threads 2] [--build-dir build]" >&2; exit 2 ;;
    esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for tool in nginx wrk sqlite3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
[ -x "$BUILD/app/gatehouse-cli" ] || ./tools/dev.sh build

work=$(mktemp -d)
cleanup() {
    for pidfile in "$work/nginx.pid" "$work/upstream.pid"; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

UPSTREAM=18901 NGINX=18902 GATEWAY=18903 ADMIN=18904
# The tiny upstream and the nginx proxy are two nginx instances, each with its own two worker processes, as the
# upstream and gatehouse are two processes. In one instance, a proxy worker could serve its own upstream request in
# the same epoll round, a hop that never leaves the process, which no real deployment gets.
cat > "$work/upstream.conf" <<CONF
worker_processes 2;
pid $work/upstream.pid;
error_log $work/upstream-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000;
    server { listen 127.0.0.1:$UPSTREAM; location / { return 200 '{"ok":true}\n'; } }
}
CONF
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000;
    upstream tiny { server 127.0.0.1:$UPSTREAM; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX;
        location /tiny/ {
            proxy_pass http://tiny/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Authorization "";
        }
    }
}
CONF
nginx -c "$work/upstream.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"

cli=("$BUILD/app/gatehouse-cli" --data-dir "$work/data")
"${cli[@]}" consumer add bench >/dev/null
"${cli[@]}" api add tiny --upstream "http://127.0.0.1:$UPSTREAM" --strip-prefix >/dev/null
TOKEN=$("${cli[@]}" token create --consumer bench --scope api:tiny --ttl 1h 2>/dev/null)
"${cli[@]}" serve --listen "127.0.0.1:$GATEWAY" --admin-listen "127.0.0.1:$ADMIN" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$ADMIN/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# run NAME URL [header]: prints "NAME rps p50_ms p99_ms"
run() {
    local name=$1 url=$2 header=${3:-}
    local out
    if [ -n "$header" ]; then
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$url")
    else
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    fi
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    if grep -q "Non-2xx" <<<"$out"; then echo "warning: $name saw non-2xx responses" >&2; fi
    echo "$name $rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'; }

direct=$(run direct "http://127.0.0.1:$UPSTREAM/")
proxied=$(run nginx "http://127.0.0.1:$NGINX/tiny/")
gated=$(run gatehouse "http://127.0.0.1:$GATEWAY/tiny/" "Authorization: Bearer $TOKEN")

kill -TERM "$serve_pid"; wait "$serve_pid" || true; serve_pid=
rows=$(sqlite3 "$work/data/catalog.sqlite3" "SELECT count(*) FROM request_log")
bytes=$(sqlite3 "$work/data/catalog.sqlite3" "SELECT sum(pgsize) FROM dbstat WHERE name IN ('request_log','request_log_by_time')" 2>/dev/null || echo 0)

printf '%-10s %12s %10s %10s\n' target req/s p50_ms p99_ms
for line in "$direct" "$proxied" "$gated"; do printf '%-10s %12s %10s %10s\n' $line; done
read -r _ nrps _ np99 <<<"$proxied"
read -r _ grps _ gp99 <<<"$gated"
awk -v g="$grps" -v n="$nrps" -v gp="$gp99" -v np="$np99" \
    'BEGIN { printf "throughput gatehouse/nginx: %.2f (target >= 0.90)\np99 gatehouse/nginx: %.2f (target <= 1.50)\n", g/n, gp/np }'
if [ "${rows:-0}" -gt 0 ] && [ "${bytes:-0}" -gt 0 ]; then
    awk -v b="$bytes" -v r="$rows" 'BEGIN { printf "request log: %d rows, %.0f bytes per row on disk (target <= 250)\n", r, b/r }'
else
    echo "request log: $rows rows"
fi
