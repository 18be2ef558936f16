#!/usr/bin/env bash
# CI: build polysecret's image and run it for real (test/docker.test.ts), with a private Docker engine
# when the machine has none. Run after `npm ci`, from anywhere: `bash scripts/ci-docker.sh`.
#
# Uses a Docker that already answers `docker info`; otherwise, as root on Linux, scripts/docker-engine.sh
# installs Debian's docker.io and starts a private dockerd for this run only (stopped on exit), and builds
# the node:22-bookworm-slim base locally when no image registry is reachable. Anywhere else it says why
# it skips and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "ci-docker: $*"; }
elapsed() { echo "$((SECONDS - $1)) s"; }

if ! docker info >/dev/null 2>&1; then
  if [ "$(uname -s)" != Linux ]; then
    say "skipped: no Docker engine answers, and a private one can only be started on Linux"
    exit 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    say "skipped: no Docker engine answers, and starting a private one needs root"
    exit 0
  fi
fi
[ -x node_modules/.bin/jest ] || { say "node_modules has no jest: run npm ci first"; exit 1; }

started=$SECONDS
# Stops only an engine docker-engine.sh started itself; a developer's Docker is left alone.
trap 'scripts/docker-engine.sh stop' EXIT
exports=$(scripts/docker-engine.sh start)
eval "$exports"
say "engine ready in $(elapsed "$started")${DOCKER_HOST:+ at $DOCKER_HOST}"

started=$SECONDS
scripts/docker-engine.sh base node:22-bookworm-slim
say "base image ready in $(elapsed "$started")"

started=$SECONDS
POLYSECRET_REQUIRE_DOCKER=1 node --experimental-vm-modules --disable-warning=ExperimentalWarning \
  node_modules/jest/bin/jest.js test/docker.test.ts
say "image built and tested in $(elapsed "$started")"
