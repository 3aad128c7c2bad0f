#!/bin/sh
# with-keyring.sh COMMAND [ARGS...]: runs COMMAND inside a private D-Bus session bus with an unlocked GNOME
# Keyring answering as the Secret Service, the way a desktop session has one. CI runs as root with no session
# bus at all; this makes the real keychain path testable there. The keyring's files go to a temporary
# XDG_DATA_HOME, removed afterwards, so no test touches the user's own keyring.
set -eu
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data"
unset DBUS_SESSION_BUS_ADDRESS
# Make the "login" keyring (created and unlocked below) the default collection that libsecret writes to;
# otherwise gnome-keyring asks a prompter, which needs a display, to create one.
mkdir -p "$data/keyrings"
printf 'login' > "$data/keyrings/default"
# A password on stdin creates and unlocks the "login" keyring without a prompt (an empty one creates nothing).
# The keyring is thrown away with the directory, so its password protects nothing.
dbus-run-session -- sh -c 'printf "gatehouse-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
