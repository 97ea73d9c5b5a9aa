#!/usr/bin/env bash
# Installs the npm dependencies from the committed lock file when they are missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.wuye-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "› 安装依赖 (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
  # A new file, not a rewrite in place: a node_modules copied with hard links (cp -al) shares the old one.
  echo "$want" > "$stamp.new" && mv -f "$stamp.new" "$stamp"
fi
