#!/usr/bin/env bash
# Debian's MariaDB server for the MySQL store tests (a throwaway server is started on loopback by the
# tests themselves: test/support/mariadb.ts). Waits for the apt/dpkg lock when another install runs.
set -euo pipefail
if command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; then exit 0; fi
echo "› 安装 Debian 软件包：mariadb-server…"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# A concurrent apt run holds the lock: wait for it (up to 10 minutes) rather than fail.
apt_opts=(-o DPkg::Lock::Timeout=600)
$SUDO apt-get "${apt_opts[@]}" update -qq
# policy-rc.d 101: the package's own service must not start (the tests start their own servers).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends mariadb-server mariadb-client >/dev/null
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]
/usr/sbin/mariadbd --version
