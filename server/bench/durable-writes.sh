#!/usr/bin/env bash
# What durability costs a write: the same jar on the embedded database, durable (the default) against
# TASKSTREAM_DB_UNSAFE_FAST_WRITES=true, one server at a time, in one run.
# Usage: server/bench/durable-writes.sh JAR [WRITES]
# Prints the median and p95 latency of POST /api/tasks (sequential, after 50 warm-up writes) and the ratio.
set -euo pipefail
jar=$1 writes=${2:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
B=http://localhost:$port

# Prints "median p95" in milliseconds for one server started with the given value of the setting.
measure() {
  local unsafe=$1 home=$work/$1 pid token
  TASKSTREAM_HOME=$home PORT=$port TASKSTREAM_DB_UNSAFE_FAST_WRITES=$unsafe java -jar "$jar" >"$home.log" 2>&1 &
  pid=$!
  until curl -sf "$B/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "exited, see $home.log" >&2; exit 1; }
    sleep 0.2
  done
  token=$(curl -sf -H 'Content-Type: application/json' "$B/api/auth/signup" \
    -d '{"email":"bench@example.org","password":"correct horse battery staple"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  for i in $(seq 1 $((writes + 50))); do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      "$B/api/tasks" -d "{\"title\":\"task $i\"}"
  done | tail -n "$writes" | sort -g | awk '{a[NR]=$1*1000} END {printf "%.1f %.1f\n", a[int(NR/2)+1], a[int(NR*0.95)]}'
  kill "$pid"; wait "$pid" || true
}

read -r safe_p50 safe_p95 < <(measure false)
read -r fast_p50 fast_p95 < <(measure true)
printf 'durable (default):  p50 %6.1f ms  p95 %6.1f ms\n' "$safe_p50" "$safe_p95"
printf 'unsafe fast writes: p50 %6.1f ms  p95 %6.1f ms\n' "$fast_p50" "$fast_p95"
printf 'durable/unsafe p50 %.2f\n' "$(echo "$safe_p50 / $fast_p50" | bc -l)"
