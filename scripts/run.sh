#!/usr/bin/env bash
# README command 1: install what is missing, build, and start the GUI on the bundled sample logs.
# Extra arguments go to the app (e.g. --quit-after-load). Without a display it runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default
cmake --build --preset default
app=build/default/app/mailflow-workbench
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = "offscreen" ]; then
  exec "$app" --samples "$@"
else
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --samples "$@"
fi
