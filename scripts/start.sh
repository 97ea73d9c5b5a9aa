#!/usr/bin/env bash
# npm start: install what is missing, build the H5 app, run the local platform with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "› 构建 H5 应用…"
npx taro build --type h5 >/tmp/wuye-build-h5.log 2>&1 || { tail -50 /tmp/wuye-build-h5.log; exit 1; }
export SEED="${SEED:-demo}"
# Development endpoints (GET /local/outbox, GET /local/clock): on for `npm start`, off by default elsewhere.
export DEV_ENDPOINTS="${DEV_ENDPOINTS:-1}"
exec npx tsx local/main.ts
