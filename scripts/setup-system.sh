#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when something is missing:
#   libsecret-1-dev  keytar's native build      gnome-keyring, dbus, dbus-x11  a real Secret Service
#   chromium         Playwright's browser        xvfb  a display for headed runs / the Electron test
#   libreoffice-calc a real spreadsheet that opens the GST report CSV in its test
# Then makes sure keytar (an optional dependency, skipped by `npm ci` when libsecret
# was missing) is built. Prints one clear line instead of a stack trace on failure.
set -uo pipefail

PACKAGES=(libsecret-1-dev gnome-keyring dbus dbus-x11 chromium xvfb libreoffice-calc)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: cannot install ${missing[*]}: this is not a Debian/Ubuntu system (no apt-get). Install them with your package manager, then run npm test again." >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup: cannot install ${missing[*]}: run as root or install them yourself (apt-get install -y ${missing[*]})." >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/sm8sync-apt.log 2>&1; then
    echo "setup: apt-get could not install ${missing[*]} (see /tmp/sm8sync-apt.log). Last lines:" >&2
    tail -5 /tmp/sm8sync-apt.log >&2
    exit 1
  fi
fi

if ! node -e "require('keytar')" >/dev/null 2>&1; then
  echo "setup: building keytar against libsecret (npm ci skipped it while libsecret-1-dev was missing)"
  if ! npm install --no-save --no-audit --no-fund >/tmp/sm8sync-keytar.log 2>&1 || ! node -e "require('keytar')" >/dev/null 2>&1; then
    echo "setup: keytar could not be built (see /tmp/sm8sync-keytar.log)." >&2
    tail -5 /tmp/sm8sync-keytar.log >&2
    exit 1
  fi
fi
echo "setup: system packages ready"
