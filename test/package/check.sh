#!/usr/bin/env bash
# Package checks on the packed tarball: publint, Are The Types Wrong, and a smoke test that installs
# the tarball in a temporary folder and imports it from ESM (.mjs) and CJS (.cjs), and runs the bin.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
npx --no-install publint --strict "$work/$tarball"
npx --no-install attw "$work/$tarball" --profile node16
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball" fast-check@4 >/dev/null
cp "$root/test/package/smoke.mjs" "$root/test/package/smoke.cjs" .
node smoke.mjs
node smoke.cjs
npx --no-install corridor-sim info sample >/dev/null && echo "bin: ok"
