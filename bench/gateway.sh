#!/usr/bin/env bash
# Gateway benchmark: in one run, wrk against a tiny upstream directly, through nginx as a reverse proxy
# configured to do a gateway's job (see nginx.conf below), and through `gatehouse-cli serve` with a valid
# token and request logging on. Prints requests per second and p50/p99 latency for each, the CPU time each
# proxy spent per request, the gatehouse/nginx ratios, and the request log's bytes per row.
#
# With --rounds N the three measurements are repeated N times, back to back, and the ratios are
# given for each round and as their median: on a shared machine the load of neighbours moves all
# three figures between rounds, so a ratio taken within one round is the fair one, and the median
# of several says more than any single round.
#
#   bench/gateway.sh [--duration 10s] [--connections 64] [--threads 2] [--rounds 1] [--build-dir build]
#                    [--nginx-peer gateway|bare]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=10s
CONNECTIONS=64
THREADS=2
ROUNDS=1
BUILD=build
PEER=gateway
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --build-dir) BUILD=$2; shift 2 ;;
        --nginx-peer) PEER=$2; shift 2 ;;
        *) echo "usage: $0 [--duration 10s] [--connections 64] [--threads 2] [--rounds 1] [--build-dir build]" \
               "[--nginx-peer gateway|bare]" >&2; exit 2 ;;
    esac
done
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]]; then echo "$0: --rounds needs a positive whole number" >&2; exit 2; fi
if [ "$PEER" != gateway ] && [ "$PEER" != bare ]; then echo "$0: --nginx-peer is gateway or bare" >&2; exit 2; fi

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
# The proxy nginx is configured to do the job the issue gives gatehouse, so that the two are compared on the same
# work: it adds X-Forwarded-For/-Proto/-Host and an X-Request-Id (the client's, or a new one) to the upstream request,
# returns the id to the client, drops the client's Authorization, and logs every request (time, id, method, path
# without the query, status, upstream status, latency, bytes in and out, client address) through a buffer, as
# gatehouse's request log batches its rows. (What nginx does not do: check a token, count a rate limit, keep metrics.)
# --nginx-peer bare: the configuration of runs A to E in bench/RESULTS.md, which forwards requests as they are and
# logs none.
if [ "$PEER" = gateway ]; then
    nginx_log="log_format gateway '\$msec \$request_id_out \$request_method \$uri \$status \$upstream_status '
                       '\$request_time \$request_length \$bytes_sent \$remote_addr';
    access_log $work/access.log gateway buffer=64k flush=1s;
    map \$http_x_request_id \$request_id_out { \"\" \$request_id; default \$http_x_request_id; }"
    nginx_headers="proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Request-Id \$request_id_out;
            add_header X-Request-Id \$request_id_out always;"
else
    nginx_log="access_log off;"
    nginx_headers=""
fi
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
    $nginx_log
    keepalive_requests 100000;
    upstream tiny { server 127.0.0.1:$UPSTREAM; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX;
        location /tiny/ {
            proxy_pass http://tiny/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Authorization "";
            $nginx_headers
        }
    }
}
CONF
nginx -c "$work/upstream.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"
# The proxy's worker processes, whose CPU time is nginx's cost (the master only starts them): the children of the
# master, found through /proc so that nothing beyond nginx and wrk needs installing.
for _ in $(seq 50); do [ -s "$work/nginx.pid" ] && break; sleep 0.1; done
nginx_master=$(cat "$work/nginx.pid")
nginx_workers=()
for stat in /proc/[0-9]*/stat; do
    read -r pid ppid < <(sed 's/ (.*) / /' "$stat" 2>/dev/null | awk '{print $1, $3}') || continue
    [ "$ppid" = "$nginx_master" ] && nginx_workers+=("$pid")
done
[ ${#nginx_workers[@]} -gt 0 ] || { echo "$0: found no nginx worker processes" >&2; exit 1; }

cli=("$BUILD/app/gatehouse-cli" --data-dir "$work/data")
"${cli[@]}" consumer add bench >/dev/null
"${cli[@]}" api add tiny --upstream "http://127.0.0.1:$UPSTREAM" --strip-prefix >/dev/null
TOKEN=$("${cli[@]}" token create --consumer bench --scope api:tiny --ttl 1h 2>/dev/null)
# In a session of its own, as nginx's daemons are: with autogroup scheduling (on in Debian's kernels) the processes of
# one session share one group's CPU, and wrk runs in this script's. (Not a group leader here, setsid does not fork:
# $! is the gateway's pid.)
setsid "${cli[@]}" serve --listen "127.0.0.1:$GATEWAY" --admin-listen "127.0.0.1:$ADMIN" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$ADMIN/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
if [ "$(readlink "/proc/$serve_pid/exe")" != "$(readlink -f "$BUILD/app/gatehouse-cli")" ]; then
    echo "$0: the gateway is not process $serve_pid; its CPU time could not be measured" >&2
    exit 1
fi

# CPU time (user + system, in clock ticks) that the given processes and all their threads have used so far.
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        # Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis.
        total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
TICKS_PER_SECOND=$(getconf CLK_TCK)

# run NAME URL HEADER PID...: prints "NAME rps p50_ms p99_ms cpu_us", where cpu_us is the CPU time the PIDs (the
# proxy under test; none for the direct run) spent per request served. CPU per request moves far less than requests
# per second when neighbours load the machine, so it says more about the proxy's own cost.
run() {
    local name=$1 url=$2 header=$3
    shift 3
    local out before after
    before=$(cpu_ticks "$@")
    if [ -n "$header" ]; then
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$url")
    else
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    fi
    after=$(cpu_ticks "$@")
    local rps p50 p99 requests cpu
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=-
    if [ $# -gt 0 ]; then
        cpu=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" \
            'BEGIN { printf "%.1f", (n > 0 ? t / hz / n * 1e6 : 0) }')
    fi
    if grep -q "Non-2xx" <<<"$out"; then echo "warning: $name saw non-2xx responses" >&2; fi
    echo "$name $rps $(to_ms "$p50") $(to_ms "$p99") $cpu"
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'; }

bearer="Authorization: Bearer $TOKEN"
results=()
for round in $(seq "$ROUNDS"); do
    results+=("$round $(run direct "http://127.0.0.1:$UPSTREAM/" "")")
    # Odd rounds measure nginx first, even rounds gatehouse first, so that neither always runs on a warmer machine.
    if [ $((round % 2)) -eq 1 ]; then
        results+=("$round $(run nginx "http://127.0.0.1:$NGINX/tiny/" "" "${nginx_workers[@]}")")
        results+=("$round $(run gatehouse "http://127.0.0.1:$GATEWAY/tiny/" "$bearer" "$serve_pid")")
    else
        results+=("$round $(run gatehouse "http://127.0.0.1:$GATEWAY/tiny/" "$bearer" "$serve_pid")")
        results+=("$round $(run nginx "http://127.0.0.1:$NGINX/tiny/" "" "${nginx_workers[@]}")")
    fi
done

kill -TERM "$serve_pid"; wait "$serve_pid" || true; serve_pid=
rows=$(sqlite3 "$work/data/catalog.sqlite3" "SELECT count(*) FROM request_log")
bytes=$(sqlite3 "$work/data/catalog.sqlite3" "SELECT sum(pgsize) FROM dbstat WHERE name IN ('request_log','request_log_by_time')" 2>/dev/null || echo 0)

printf '%-6s %-10s %12s %10s %10s %10s\n' round target req/s p50_ms p99_ms cpu_us/req
for line in "${results[@]}"; do printf '%-6s %-10s %12s %10s %10s %10s\n' $line; done
# Per round: gatehouse/nginx for throughput and p99; then the medians.
printf '%s\n' "${results[@]}" | awk '
    $2 == "nginx" { nrps[$1] = $3; np99[$1] = $5; ncpu[$1] = $6 }
    $2 == "gatehouse" { grps[$1] = $3; gp99[$1] = $5; gcpu[$1] = $6 }
    function median(a, n,    i, j, t) {
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
        return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
    }
    END {
        n = 0
        for (r = 1; r in nrps; r++) {
            n++; tr[n] = grps[r] / nrps[r]; pr[n] = gp99[r] / np99[r]
            cr[n] = (ncpu[r] > 0 ? gcpu[r] / ncpu[r] : 0)
            if (n > 1 || (r + 1) in nrps)
                printf "round %d: throughput gatehouse/nginx %.2f, p99 gatehouse/nginx %.2f, CPU per request %.2f\n",
                    r, tr[n], pr[n], cr[n]
        }
        label = n > 1 ? sprintf(" (median of %d rounds)", n) : ""
        printf "throughput gatehouse/nginx: %.2f%s (target >= 0.90)\n", median(tr, n), label
        printf "p99 gatehouse/nginx: %.2f%s (target <= 1.50)\n", median(pr, n), label
        printf "CPU per request gatehouse/nginx: %.2f%s\n", median(cr, n), label
    }'
if [ "${rows:-0}" -gt 0 ] && [ "${bytes:-0}" -gt 0 ]; then
    awk -v b="$bytes" -v r="$rows" 'BEGIN { printf "request log: %d rows, %.0f bytes per row on disk (target <= 250)\n", r, b/r }'
else
    echo "request log: $rows rows"
fi
