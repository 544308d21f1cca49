#!/usr/bin/env bash
# Seconds from server start to a healthy application, and the server's resident memory then; side by side, the same
# provisioned WildFly booting with nothing deployed; and where the application's start-up goes, from its server log.
# Usage: bench/startup-benchmark.sh [runs]   (builds first; appends its figures to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -q -o -DskipTests install
jboss_home=$(cd "$(ls -d ear/target/wildfly-*/ | head -n 1)" && pwd)
run_log=ear/target/cofinance-run/log/server.log

# Seconds (with milliseconds) of a server log line's time of day.
seconds_of() {
    awk '{ split($2, t, /[:,]/); printf "%.3f\n", t[1] * 3600 + t[2] * 60 + t[3] + t[4] / 1000 }'
}

# When a line matching the pattern first appears in the run's log (its times are UTC), in seconds after the server's
# JVM appeared ($2: that moment, seconds since the epoch).
phase() {
    local at
    at=$(grep -m 1 -E "$1" "$run_log" | seconds_of || true)
    if [ -z "$at" ]; then echo "–"; else echo "$at - ($2 % 86400)" | bc | xargs printf '%.1f s'; fi
}

# The same installation booting a copy of its configuration, nothing deployed: seconds from its JVM's appearance to
# its first HTTP answer (port offset 300).
empty_boot() {
    local base=ear/target/empty-boot pid started answered launcher
    rm -rf "$base" && mkdir -p "$base" && cp -r "$jboss_home/standalone/configuration" "$base/"
    "$jboss_home/bin/standalone.sh" -Djboss.server.base.dir="$PWD/$base" -Djboss.socket.binding.port-offset=300 \
        -Dcofinance.db.user=none -Dcofinance.db.password=none -Dcofinance.db.runtime.user=none \
        -Dcofinance.db.runtime.password=none >/dev/null 2>&1 &
    launcher=$!
    until pid=$(pgrep -f "jboss-modules.*empty-boot" | head -n 1) && [ -n "$pid" ]; do sleep 0.05; done
    started=$(date +%s.%N)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8380/)" != "000" ]; do sleep 0.05; done
    answered=$(date +%s.%N)
    kill "$pid"; wait "$launcher" 2>/dev/null || true
    echo "$answered - $started" | bc
}

results=()
empties=()
apps=()
for i in $(seq 1 "$runs"); do
    empty=$(empty_boot)
    empties+=("$empty")
    log=$(mktemp)
    rm -rf "$(dirname "$run_log")"
    ./mvnw -q package -Prun -o >"$log" 2>&1 &
    launcher=$!
    until pid=$(pgrep -f "jboss-modules.*cofinance-run" | head -n 1) && [ -n "$pid" ]; do sleep 0.05; done
    started=$(date +%s.%N)
    until curl -sf http://localhost:8080/cofinance/api/health >/dev/null; do sleep 0.05; done
    healthy=$(date +%s.%N)
    rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
    seconds=$(echo "$healthy - $started" | bc)
    apps+=("$seconds")
    results+=("$(printf '%.1f s (empty server: %.1f s, ratio %.1f), %d MB' "$seconds" "$empty" \
        "$(echo "$seconds / $empty" | bc -l)" $((rss_kb / 1024)))")
    echo "run $i: ${results[-1]}"
    profile=("$(phase 'WFLYUT0006' "$started")" "$(phase 'WFLYSRV0207' "$started")"
        "$(phase 'WFLYWELD0003' "$started")" "$(phase 'FlywayExecutor' "$started")"
        "$(phase 'ENGINE-00001' "$started")" "$(phase 'Cofinance is ready' "$started")"
        "$(phase 'WFLYSRV0010' "$started")" "$(phase 'WFLYSRV0025' "$started")")
    kill "$pid"; wait "$launcher" 2>/dev/null || true
    pkill -f "jboss-modules.*cofinance-run" || true
    sleep 2
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
app_median=$(median "${apps[@]}")
empty_median=$(median "${empties[@]}")
{
    echo
    echo "### Start-up, $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -n 1)"
    echo
    echo "Command: \`bench/startup-benchmark.sh $runs\` (embedded PostgreSQL with demo data already loaded; WildFly $(basename "$jboss_home"); each run boots the same installation empty first, port offset 300)."
    echo
    for r in "${results[@]}"; do echo "- server start to healthy: $r"; done
    echo
    printf 'Medians: application %.1f s, empty server %.1f s, ratio %.1f (target ≤ 2.5).\n' "$app_median" \
        "$empty_median" "$(echo "$app_median / $empty_median" | bc -l)"
    echo
    echo "Profile of the last run, from its server log (seconds after the server's JVM appeared; healthy at $(printf '%.1f' "${apps[-1]}") s):"
    echo
    echo "| HTTP listener up | EAR's modules start | CDI (Weld) deployment | schema check begins (Flyway) | process engine built | models deployed, demo checked (\"Cofinance is ready\") | EAR deployed | server started |"
    echo "|---|---|---|---|---|---|---|---|"
    echo "| ${profile[0]} | ${profile[1]} | ${profile[2]} | ${profile[3]} | ${profile[4]} | ${profile[5]} | ${profile[6]} | ${profile[7]} |"
} >> docs/benchmarks.md
