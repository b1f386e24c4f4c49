#!/usr/bin/env bash
# Takes a screenshot of the console in a real X window (Xvfb), on a fresh demo database.
#   scripts/screenshot.sh OUT.png [--lang en]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-resources/screenshot.png}
shift || true
work=$(mktemp -d)
trap 'kill ${app:-} ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT

display=:${SCREENSHOT_DISPLAY:-97}
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display QT_QPA_PLATFORM=xcb OMS_STARTUP_TIMING=1
export OMS_USER=${OMS_USER:-dieudo} OMS_PASSWORD=${OMS_PASSWORD:-demo1234}  # a demo account
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
.venv/bin/python main.py --db "sqlite:///$work/demo.db" seed-demo
.venv/bin/python main.py --db "sqlite:///$work/demo.db" "$@" >"$work/out.log" 2>"$work/err.log" &
app=$!
for _ in $(seq 1 600); do
  grep -q "STARTUP map_loaded" "$work/out.log" 2>/dev/null && break
  kill -0 $app 2>/dev/null || { cat "$work/err.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "STARTUP map_loaded" "$work/out.log" || { echo "the map never loaded" >&2; tail -20 "$work/err.log" >&2; exit 1; }
sleep 2  # let the web view composite its first frames
import -window root "$out"
kill -TERM $app
wait $app || true
echo "screenshot written to $out"
