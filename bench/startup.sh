#!/usr/bin/env bash
# Start-up time of the Digit Lab workbench: from exec of the product's start script to the Digit Canvas
# visible and painted. Starts the built product (./digitlab build) N times with
# -Ddigitlab.startup.probe=exit: the workbench prints "digitlab: canvas visible after N ms (JVM uptime)"
# when the canvas view first paints, with its start-up steps, and closes itself.
#
#   bench/startup.sh [RUNS] [--fresh] [--product DIR] [--vmargs "FLAGS"] [--keep-logs]
#
#   RUNS        timed starts (default 5), after one start that is not counted (fills the OS file cache,
#               the OSGi configuration area, the start script's class data sharing archive and, unless
#               --fresh, the workspace)
#   --fresh     every start gets a new, empty workspace (-data); default: one workspace for all starts
#   --product   the product folder (default: releng/digitlab.repository/target/products/.../digitlab)
#   --vmargs    extra JVM flags for every start (e.g. "-Xshare:off"), passed through DIGITLAB_VMARGS
#   --keep-logs keep each start's output under target/startup/
#
# Without a DISPLAY it runs its own Xvfb on a free display number and stops it at the end.
# Prints one line per start and the median / min / max of: wall time exec -> canvas line (the headline),
# the JVM uptime the workbench printed (JVM start included, the script before it not), CPU time (user+sys)
# of the process up to the line, and the load average before and after each start.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

RUNS=5
FRESH=0
KEEP=0
EXTRA=""
PRODUCT="$repo/releng/digitlab.repository/target/products/digitlab.product/linux/gtk/x86_64/digitlab"
TIMEOUT_S=120

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --fresh) FRESH=1 ;;
    --keep-logs) KEEP=1 ;;
    --product) shift; PRODUCT="${1:?startup.sh: --product needs a folder}" ;;
    --vmargs) shift; EXTRA="${1?startup.sh: --vmargs needs flags}" ;;
    ''|*[!0-9]*) echo "startup.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    *) RUNS="$1" ;;
  esac
  shift
done
[ "$RUNS" -ge 1 ] || { echo "startup.sh: RUNS must be at least 1" >&2; exit 2; }
EXE="$PRODUCT/digitlab"
[ -x "$EXE" ] || { echo "startup.sh: no product at $PRODUCT (build it with ./digitlab build)" >&2; exit 1; }

scratch="$(mktemp -d /tmp/digitlab-startup.XXXXXX)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch" # --keep-logs copied the logs to target/startup/ already
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "startup.sh: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
  [ -e "/tmp/.X11-unix/X$n" ] || { echo "startup.sh: Xvfb :$n did not start:" >&2; cat "$scratch/xvfb.log" >&2; exit 1; }
  export DISPLAY=":$n"
fi

ticks=$(getconf CLK_TCK)
loadavg() { cut -d' ' -f1 /proc/loadavg; }
# CPU time (user + system, ms) of process $1 so far: fields 14 and 15 of /proc/PID/stat, in clock ticks.
cpu_ms() {
  local stat rest
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo -1; return; }
  rest=${stat##*) }              # after the command name, which may hold spaces
  set -- $rest                    # field 3 of stat is $1 here, so utime (14) is ${12}, stime (15) ${13}
  echo $(( (${12} + ${13}) * 1000 / ticks ))
}
micros() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# One start. Prints "wall_ms uptime_ms cpu_ms load_before load_after steps" or fails with the output.
start_once() {
  local ws="$1" log="$2" t0 t1 pid line uptime="" cpu=-1 steps="" load0 load1 rc
  load0=$(loadavg)
  t0=$(micros)
  exec 3< <(exec env DIGITLAB_WORKSPACE="$ws" DIGITLAB_VMARGS="-Ddigitlab.startup.probe=exit $EXTRA" \
                 timeout -k 5 "$TIMEOUT_S" "$EXE" 2>&1)
  pid=$!
  t1=""
  while IFS= read -r -u 3 line; do
    printf '%s\n' "$line" >>"$log"
    case "$line" in
      "digitlab: canvas visible after "*)
        t1=$(micros)
        jpid=$(pgrep -P "$pid" -n java || true)
        cpu=$(cpu_ms "${jpid:-$pid}")
        uptime=${line#digitlab: canvas visible after }; uptime=${uptime%% ms*} ;;
      "digitlab: start-up steps"*) steps=${line#*: start-up steps (JVM uptime, ms): } ;;
    esac
  done
  exec 3<&-
  wait "$pid" 2>/dev/null && rc=0 || rc=$?
  load1=$(loadavg)
  if [ -z "$t1" ]; then
    echo "startup.sh: the workbench did not report a visible canvas (exit code $rc); its output:" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
  echo "$(( (t1 - t0) / 1000 )) $uptime $cpu $load0 $load1 $steps"
}

stats() { # median min max of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                                       printf "median %6.0f   min %6.0f   max %6.0f", m, v[1], v[NR] }'
}

java_line=$(. "$PRODUCT/find-jdk.sh" && digitlab_find_java && "$DIGITLAB_JAVA" -version 2>&1 | head -n 1)
echo "startup.sh: $RUNS timed starts of $EXE"
echo "  display $DISPLAY, $(nproc) cores, $java_line, workspace: $([ $FRESH = 1 ] && echo 'new for every start' || echo 'reused')${EXTRA:+, extra JVM flags: $EXTRA}"
ws_shared="$scratch/workspace"
results="$scratch/results"
: >"$results"
for i in $(seq 0 "$RUNS"); do
  if [ "$FRESH" = 1 ]; then ws="$scratch/workspace-$i"; else ws="$ws_shared"; fi
  r=$(start_once "$ws" "$scratch/start-$i.log") || exit 1
  read -r wall up cpu l0 l1 steps <<<"$r"
  if [ "$i" = 0 ]; then
    printf '  warm-up  %6s ms wall  %6s ms JVM uptime  %6s ms CPU  load %s-%s  (not counted)\n' "$wall" "$up" "$cpu" "$l0" "$l1"
  else
    printf '  start %-2s %6s ms wall  %6s ms JVM uptime  %6s ms CPU  load %s-%s\n' "$i" "$wall" "$up" "$cpu" "$l0" "$l1"
    echo "$wall $up $cpu $l0 $l1" >>"$results"
  fi
  echo "           steps: $steps"
done
echo "summary over $RUNS starts (ms):"
echo "  wall exec -> canvas visible  $(cut -d' ' -f1 "$results" | stats)"
echo "  JVM uptime at canvas         $(cut -d' ' -f2 "$results" | stats)"
echo "  CPU (user+sys) to canvas     $(cut -d' ' -f3 "$results" | stats)"
echo "  load average (1 min)         $(cut -d' ' -f4,5 "$results" | tr ' ' '\n' | sort -n | sed -n '1p;$p' | paste -sd- )"
[ "$KEEP" = 1 ] && { mkdir -p target/startup; cp "$scratch"/start-*.log target/startup/; echo "logs: target/startup/"; }
exit 0
