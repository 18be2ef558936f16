#!/usr/bin/env bash
# The container image's build steps, run by the Dockerfile and by test/container.test.ts, so what the
# image ships is what the tests start.
#
#   scripts/build-image.sh SOURCE_DIR OUTPUT_DIR            # both steps below, in order
#   scripts/build-image.sh deps SOURCE_DIR OUTPUT_DIR       # needs only package.json and package-lock.json
#   scripts/build-image.sh assemble SOURCE_DIR OUTPUT_DIR   # needs the sources, after deps
#
# deps installs SOURCE_DIR's dependencies (dev included) and OUTPUT_DIR's production dependencies from the
# lockfile. The Dockerfile runs it before copying the sources, so that layer stays cached while only
# sources change. assemble compiles SOURCE_DIR and copies into OUTPUT_DIR what runs beside those
# dependencies: the compiled output and the request schemas. The image starts the result with
# `node dist/app/cli.js` from OUTPUT_DIR (the Dockerfile's ENTRYPOINT).
set -euo pipefail

usage() {
  echo "usage: $0 [deps|assemble] SOURCE_DIR OUTPUT_DIR" >&2
  exit 2
}

step=all
case "${1:-}" in deps | assemble) step=$1; shift ;; esac
[ "$#" -eq 2 ] || usage
src=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
if [ "$src" = "$out" ]; then
  echo "$0: OUTPUT_DIR must differ from SOURCE_DIR" >&2
  exit 2
fi

install_dependencies() {
  # --ignore-scripts: package.json's prepare script compiles, and the sources are not there yet.
  (cd "$src" && npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier)
  # The runtime tree gets production dependencies only, from the same lockfile: the SDKs `polysecret
  # conform` drives are optional dependencies the image leaves out (README, Cross-cloud conformance).
  rm -rf "$out/node_modules"
  cp "$src/package.json" "$src/package-lock.json" "$out/"
  (cd "$out" && npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --no-update-notifier)
}

assemble() {
  if [ ! -d "$src/node_modules/typescript" ] || [ ! -d "$out/node_modules" ]; then
    echo "$0: run the deps step first (no dependencies installed in $src or $out)" >&2
    exit 1
  fi
  # The same build a user's `npm install` runs through the prepare script.
  (cd "$src" && npm run --silent build)
  if [ ! -f "$src/dist/app/cli.js" ]; then
    echo "$0: npm run build did not compile dist/" >&2
    exit 1
  fi
  # Replace the compiled output and schemas whole, so nothing from an earlier build lingers.
  rm -rf "$out/dist" "$out/schemas"
  mkdir -p "$out/dist"
  cp -R "$src/dist/app" "$src/dist/src" "$src/dist/dialects" "$out/dist/"
  cp -R "$src/schemas" "$out/schemas"
  # Source maps point at TypeScript files the image does not ship.
  find "$out/dist" -name '*.map' -delete
  echo "build-image: runtime tree ready in $out (start: node dist/app/cli.js)"
}

case "$step" in
  deps) install_dependencies ;;
  assemble) assemble ;;
  all) install_dependencies && assemble ;;
esac
