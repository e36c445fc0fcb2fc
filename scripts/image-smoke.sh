#!/usr/bin/env bash
# Starts the image that `./mvnw -Pimage package` built, with no container engine (there is none here): unpacks its
# layers in order, then runs its entrypoint with its environment and as its user, chrooted into those files with a
# /proc of its own, against the machine's PostgreSQL; it passes when the app answers its readiness probe.
# Needs root. Usage: scripts/image-smoke.sh [server/target/taskstream-image.tar]
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-server/target/taskstream-image.tar}
work=$(mktemp -d)
pid=
cleanup() {
  # The app is the first process of its PID namespace: killing it ends everything in there. (unshare's --kill-child
  # cannot, since the change of user clears the death signal.)
  if [ -n "$pid" ]; then
    kill -KILL $(cat "/proc/$pid/task/$pid/children" 2>/dev/null) 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/image" "$work/root"
tar -xf "$image" -C "$work/image"
# The image's own description: layers in order, then entrypoint, environment and user from its config.
mapfile -t plan < <(python3 - "$work/image" <<'PY'
import json, sys, os
folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, "manifest.json")))[0]
config = json.load(open(os.path.join(folder, manifest["Config"])))["config"]
for layer in manifest["Layers"]:
    print("layer " + layer)
print("user " + config["User"])
for variable in config.get("Env", []):
    print("env " + variable)
for arg in config["Entrypoint"]:
    print("arg " + arg)
PY
)
user= env=() entrypoint=()
for line in "${plan[@]}"; do
  case "$line" in
    layer\ *) tar --warning=no-unknown-keyword -xzf "$work/image/${line#layer }" -C "$work/root" ;;
    user\ *) user=${line#user } ;;
    env\ *) env+=("${line#env }") ;;
    arg\ *) entrypoint+=("${line#arg }") ;;
  esac
done
mkdir -p "$work/root/proc"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db_url=$(bash .ci/machine-postgres.sh taskstream_image)
env+=("PORT=$port" "TASKSTREAM_DB_URL=$db_url" "TASKSTREAM_DB_USER=taskstream" "TASKSTREAM_DB_PASSWORD=taskstream"
      "JAVA_TOOL_OPTIONS=-Xmx384m -XX:TieredStopAtLevel=1")
echo "== Starting ${entrypoint[*]} as $user on :$port"
# Its own PID and mount namespaces: /proc shows only the app's processes, and the mount goes away with it.
unshare --mount --pid --fork sh -c 'mount -t proc proc "$0/proc" && exec "$@"' "$work/root" \
  env -i "${env[@]}" "$(command -v chroot)" --userspec="$user" "$work/root" "${entrypoint[@]}" > "$work/app.log" 2>&1 &
pid=$!
started=$(date +%s)
until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null || [ $(( $(date +%s) - started )) -gt 240 ]; then
    tail -40 "$work/app.log"
    echo "== FAILED: the image did not become ready"
    exit 1
  fi
  sleep 1
done
echo "== The image answered its readiness probe after $(( $(date +%s) - started )) s"
