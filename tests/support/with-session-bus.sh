#!/bin/sh
# with-session-bus.sh COMMAND [ARGS...]: runs COMMAND on a private D-Bus session bus of its own, as a desktop session
# has one. CI runs as root with no session bus; a test that plays a desktop service (a notification server, say)
# registers it there without touching any real session.
set -eu
unset DBUS_SESSION_BUS_ADDRESS
exec dbus-run-session -- "$@"
