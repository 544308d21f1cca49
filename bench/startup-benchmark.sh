#!/usr/bin/env bash
# Seconds from server start to a healthy application, and the server's resident memory then.
# Usage: bench/startup-benchmark.sh [runs]   (builds first; appends its figures to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -q -DskipTests package
jboss_home=$(ls -d ear/target/wildfly-*/ | head -n 1)
results=()
for i in $(seq 1 "$runs"); do
    log=$(mktemp)
    ./mvnw -q package -Prun -o >"$log" 2>&1 &
    launcher=$!
    until pid=$(pgrep -f "jboss-modules.*cofinance-run" | head -n 1) && [ -n "$pid" ]; do sleep 0.1; done
    started=$(date +%s.%N)
    until curl -sf http://localhost:8080/cofinance/api/health >/dev/null; do sleep 0.1; done
    healthy=$(date +%s.%N)
    rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
    seconds=$(echo "$healthy - $started" | bc)
    results+=("$(printf '%.1f s, %d MB' "$seconds" $((rss_kb / 1024)))")
    echo "run $i: ${results[-1]}"
    kill "$pid"; wait "$launcher" 2>/dev/null || true
    pkill -f "jboss-modules.*cofinance-run" || true
    sleep 2
done
{
    echo
    echo "### Start-up, $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -n 1)"
    echo
    echo "Command: \`bench/startup-benchmark.sh $runs\` (embedded PostgreSQL with demo data already loaded; WildFly $(basename "$jboss_home"))."
    echo
    for r in "${results[@]}"; do echo "- server start to healthy, resident memory: $r"; done
} >> docs/benchmarks.md
