#!/usr/bin/env bash
# Starts the built product under its own virtual screen of each size given (default: 1394x871, the default
# window size, and 1366x768, a small laptop), leaves it 20 s to lay out every view of the perspective, stops
# it and fails if GTK printed a warning or a critical on stderr (e.g. "Gtk-CRITICAL: gtk_box_gadget_distribute:
# assertion 'size >= 0' failed in GtkScrollbar" from a scroll bar laid out smaller than itself).
#
#   releng/check-start-stderr.sh [WIDTHxHEIGHT ...]      (build first: ./digitlab build)
#
# Uses a scratch workspace per size, so your own workspace is untouched.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
product="$PWD/releng/digitlab.repository/target/products/digitlab.product/linux/gtk/x86_64/digitlab/digitlab"
[ -x "$product" ] || { echo "check-start-stderr: no product at $product (build it with ./digitlab build)" >&2; exit 1; }
command -v Xvfb >/dev/null && command -v xdotool >/dev/null \
  || { echo "check-start-stderr: needs Xvfb and xdotool (apt-get install xvfb xdotool)" >&2; exit 1; }
[ $# -gt 0 ] || set -- 1394x871 1366x768

scratch="$(mktemp -d /tmp/digitlab-stderr.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

failed=0
for size in "$@"; do
  [[ "$size" =~ ^[0-9]+x[0-9]+$ ]] || { echo "check-start-stderr: '$size' is not WIDTHxHEIGHT" >&2; exit 2; }
  n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  pids+=("$xvfb")
  sleep 1
  DISPLAY=":$n" DIGITLAB_WORKSPACE="$scratch/ws-$size" "$product" >"$scratch/out-$size" 2>"$scratch/err-$size" &
  app=$!
  pids+=("$app")
  for _ in $(seq 1 120); do # the window, then time for every view to be created and laid out
    DISPLAY=":$n" xdotool search --name '^Digit Lab$' >/dev/null 2>&1 && break
    sleep 1
  done
  sleep 20
  # the scratch workspace is thrown away: no need to exit through File > Exit (without a window manager the
  # window cannot be activated for Ctrl+Q anyway)
  kill "$app" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
  kill "$xvfb" 2>/dev/null || true
  if grep -E 'Gtk-(CRITICAL|WARNING)' "$scratch/err-$size" >/dev/null; then
    echo "check-start-stderr: $size: GTK complained on stderr:"
    grep -E 'Gtk-(CRITICAL|WARNING)' "$scratch/err-$size" | sort | uniq -c
    failed=1
  else
    echo "check-start-stderr: $size: no Gtk warning or critical on stderr"
  fi
done
exit "$failed"
