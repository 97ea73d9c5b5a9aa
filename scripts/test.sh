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
# The two zone runs go side by side (jest gives a 2-core machine one worker each run), each with its
# own throwaway MariaDB; a run's whole output is shown when it fails, its summary when it passes.
echo "› 单元与集成测试（主机时区 UTC 与 America/Los_Angeles，同时运行）"
# The second zone's run leaves out the suites no clock reading reaches: function bundles, the layering
# check, the authorization table of codes, the process races and crash rounds (what they count is rows
# and numbers, not times), and the MariaDB repeats of SQLite suites (the stores keep times as integers).
# The UTC run has them all, on two workers.
SAME_IN_EVERY_ZONE='test/integration/((bundle|bundleColdLoad|layering|authz-matrix|race|pay-race|pay-crash|push-crash|group-commit-crash)\.test\.ts|mariadb/)'
logs=(); pids=()
for zone in UTC America/Los_Angeles; do
  log=$(mktemp); logs+=("$log")
  if [ $zone = UTC ]; then args=(--maxWorkers=2); else args=(--testPathIgnorePatterns "$SAME_IN_EVERY_ZONE"); fi
  ( TZ=$zone npx jest --selectProjects unit --ci "${args[@]}" >"$log" 2>&1 ) & pids+=($!)
done
failed=0
for i in 0 1; do
  zone=$([ $i = 0 ] && echo UTC || echo America/Los_Angeles)
  if wait "${pids[$i]}"; then echo "  主机时区 $zone："; grep -E '^(Tests|Test Suites|Time):' "${logs[$i]}" | sed 's/^/    /'
  else echo "  主机时区 $zone 未通过："; cat "${logs[$i]}"; failed=1; fi
  rm -f "${logs[$i]}"
done
[ $failed = 0 ] || exit 1
# The two builds side by side (each is mostly one thread of webpack); a failed one shows its log's tail.
echo "› 构建 H5 与小程序"
npx taro build --type h5 >/tmp/wuye-build-h5.log 2>&1 & h5=$!
npx taro build --type weapp >/tmp/wuye-build-weapp.log 2>&1 & weapp=$!
built=0
wait $h5 || { tail -50 /tmp/wuye-build-h5.log; built=1; }
wait $weapp || { tail -50 /tmp/wuye-build-weapp.log; built=1; }
[ $built = 0 ] || exit 1
echo "› 浏览器测试"; npx jest --selectProjects browser --ci --maxWorkers=2
echo "› 小程序测试"; npx jest --selectProjects weapp --ci --runInBand
echo "全部测试通过，用时 $(( $(date +%s) - start )) 秒"
