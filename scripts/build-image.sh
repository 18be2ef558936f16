#!/usr/bin/env bash
# The container image's build steps, run by the Dockerfile and by test/container.test.ts, so what the
# image ships is what the tests start.
#
#   scripts/build-image.sh SOURCE_DIR OUTPUT_DIR
#
# Installs SOURCE_DIR's dependencies (dev included) from the lockfile, which compiles it, then assembles in
# OUTPUT_DIR only what runs: production dependencies, the compiled output and the request schemas.
# The image starts it with `node dist/src/cli.js` from OUTPUT_DIR (the Dockerfile's ENTRYPOINT).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 SOURCE_DIR OUTPUT_DIR" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
if [ "$src" = "$out" ]; then
  echo "$0: OUTPUT_DIR must differ from SOURCE_DIR" >&2
  exit 2
fi

# Install with the dev toolchain; npm ci runs package.json's prepare script (npm run build), which
# compiles dist/ as a user's own `npm install` does.
cd "$src"
npm ci --no-audit --no-fund
if [ ! -f dist/src/cli.js ]; then
  echo "$0: npm ci did not compile dist/ (is the prepare script missing, or are scripts disabled?)" >&2
  exit 1
fi

# Assemble the runtime tree from scratch so nothing from an earlier build lingers.
rm -rf "$out/dist" "$out/schemas" "$out/node_modules"
mkdir -p "$out/dist"
cp package.json package-lock.json "$out/"
cp -R dist/src dist/dialects "$out/dist/"
cp -R schemas "$out/schemas"
# Source maps point at TypeScript files the image does not ship.
find "$out/dist" -name '*.map' -delete

cd "$out"
# --ignore-scripts: prepare would run tsc, which a production install does not have; dist/ is copied in.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund
echo "build-image: runtime tree ready in $out (start: node dist/src/cli.js)"
