#!/usr/bin/env bash
# Every test: typecheck, layering, unit + integration, browser (real headless chromium), mini-program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-mariadb.sh
start=$(date +%s)
echo "› 类型检查"; npx tsc --noEmit -p tsconfig.json
echo "› 分层检查"; npx depcruise --config .dependency-cruiser.cjs core adapters local cloudfunctions src
# Results never depend on the host's zone: the suite runs on a UTC host and on one whose zone keeps
# daylight saving (Asia/Shanghai times are fixed-offset arithmetic, core/shanghai.ts).
for zone in UTC America/Los_Angeles; do
  echo "› 单元与集成测试（主机时区 $zone）"; TZ=$zone npx jest --selectProjects unit --ci
done
echo "› 构建 H5 与小程序"; npx taro build --type h5 >/tmp/wuye-build-h5.log 2>&1 || { tail -50 /tmp/wuye-build-h5.log; exit 1; }
npx taro build --type weapp >/tmp/wuye-build-weapp.log 2>&1 || { tail -50 /tmp/wuye-build-weapp.log; exit 1; }
echo "› 浏览器测试"; npx jest --selectProjects browser --ci --runInBand
echo "› 小程序测试"; npx jest --selectProjects weapp --ci --runInBand
echo "全部测试通过，用时 $(( $(date +%s) - start )) 秒"
