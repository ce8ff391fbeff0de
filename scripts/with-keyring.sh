#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so
# keytar talks to a real Secret Service (as it does on a Linux desktop). The keyring
# lives in a throwaway HOME-independent directory and dies with the session.
set -euo pipefail
if [ -n "${SM8SYNC_KEYRING_READY:-}" ]; then exec "$@"; fi
export XDG_DATA_HOME
XDG_DATA_HOME="$(mktemp -d -t sm8sync-keyring-XXXXXX)"
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # gnome-keyring reads the (throwaway) login password from stdin and unlocks the keyring.
  eval "$(printf "sm8sync-test" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  export SM8SYNC_KEYRING_READY=1
  exec "$@"
' bash "$@"
