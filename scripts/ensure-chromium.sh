#!/usr/bin/env bash
# Debian's chromium for the browser tests (never a browser download of a test tool's own).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "› 安装 Debian chromium…"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
/usr/bin/chromium --version
