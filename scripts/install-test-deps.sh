#!/usr/bin/env bash
# Installs the system packages the tests drive for real: Debian's Chromium and ChromeDriver for
# the dashboard page test, OpenSSH's ssh-agent and ssh-add for the Git-over-SSH agent test.
# Idempotent; needs root (as on CI and the dev machines) to install.
set -euo pipefail
log() { echo "install-test-deps: $*" >&2; }

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v ssh-agent >/dev/null 2>&1 && command -v ssh-add >/dev/null 2>&1 || missing+=(openssh-client)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  log "missing ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}"
  exit 1
fi
log "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
