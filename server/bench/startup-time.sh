#!/usr/bin/env bash
# Start-up time of the jar on the embedded database: a baseline jar against ours, alternating, in one run.
# Usage: server/bench/startup-time.sh BASELINE.jar OURS.jar [ROUNDS]
# Each round starts each jar on a fresh TASKSTREAM_HOME (initdb included), stops it, starts it again on the
# same data ("warm"), stops it. Prints the seconds until /actuator/health answers UP, then medians and ratios.
set -euo pipefail
base=$1 ours=$2 rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))

# Seconds from launch to health UP; the server is stopped (SIGTERM) before returning.
start_once() {
  local jar=$1 home=$2 t0 pid
  t0=$(date +%s.%N)
  TASKSTREAM_HOME=$home PORT=$port java -jar "$jar" >"$home.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "exited, see $home.log" >&2; tail -5 "$home.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$(date +%s.%N) - $t0" | bc
  kill "$pid"; wait "$pid" || true
}

declare -A times
for round in $(seq 1 "$rounds"); do
  for name in base ours; do
    jar=$base; [ "$name" = ours ] && jar=$ours
    home=$work/$name-$round
    cold=$(start_once "$jar" "$home")
    warm=$(start_once "$jar" "$home")
    times[$name-cold]+="$cold "
    times[$name-warm]+="$warm "
    printf '%-5s round %d  first start %6.2f s   restart %6.2f s\n' "$name" "$round" "$cold" "$warm"
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for kind in cold warm; do
  b=$(echo "${times[base-$kind]}" | median) o=$(echo "${times[ours-$kind]}" | median)
  printf 'median %s: baseline %.2f s, ours %.2f s, ours/baseline %.2f\n' "$kind" "$b" "$o" "$(echo "$o / $b" | bc -l)"
done
