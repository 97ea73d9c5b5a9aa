#!/usr/bin/env bash
# Debian's chromium for the browser tests (never a browser download of a test tool's own), and CJK
# fonts so the screenshots show Chinese rather than boxes.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto 2>/dev/null | grep -qi cjk || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
echo "› 安装 Debian 软件包：${need[*]}…"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
/usr/bin/chromium --version
