#!/usr/bin/env bash
# Side-by-side benchmark: the same networks, batch sizes and thread counts trained in PyTorch (CPU)
# and in Digit Lab, in one run, with the ratios Digit Lab / PyTorch's best thread count.
#
#   bench/compare-pytorch.sh [--quick] [--threads 1,2] [--batches 1,32,64,256] [--djl]
#   bench/compare-pytorch.sh --time-to-accuracy [--arch speedrun] [--target 0.99] [--eval-every 0.1]
#                            [--seeds 1,2,3] [--threads 1,2]
#
# --djl: a third column, DJL 0.36 on its PyTorch 2.7.1 engine (fetched from Maven Central into the local Maven
# repository, about 120 MB the first time; bench/djl.inc.sh).
# --time-to-accuracy: the seconds until the MNIST test accuracy first reaches the target (evaluations
# included), Digit Lab (`./digitlab train --arch A --target T --json`: the product, built if needed) then
# PyTorch with the same architecture and recipe at each thread count (bench/pytorch_time_to_accuracy.py).
#
# Installs what is missing with apt-get (as root): python3-torch, and the OpenBLAS it recommends
# (without an optimised BLAS, Debian's torch falls back to the reference BLAS and runs several times
# slower, which would make the comparison meaningless). Compiles digitlab.nn, digitlab.nn.conv
# (for the lenet CNN) and digitlab.bench with javac into a temporary directory (no Maven/Tycho run; the
# Gson and picocli jars are taken from the local Maven repository, where any build of the lab put them)
# and runs digitlab.bench.BenchmarkMain.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
THREADS=1,2
BATCHES=1,32,64,256
QUICK=()
TTA=""
DJL=""
ARCH=speedrun
TARGET=0.99
EVAL_EVERY=0.1
SEEDS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=(--quick) ;;
        --time-to-accuracy) TTA=1 ;;
        --djl) DJL=1 ;;
        --arch) ARCH=${2:?--arch needs a preset name like speedrun}; shift ;;
        --target) TARGET=${2:?--target needs an accuracy like 0.99}; shift ;;
        --eval-every) EVAL_EVERY=${2:?--eval-every needs epochs like 0.1}; shift ;;
        --seeds) SEEDS=${2:?--seeds needs a list like 1,2,3}; shift ;;
        --threads) THREADS=${2:?--threads needs a list like 1,2}; shift ;;
        --batches) BATCHES=${2:?--batches needs a list like 1,32,64,256}; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare-pytorch.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

# --- a JDK >= 21 (JAVA_HOME when new enough, else the newest under /usr/lib/jvm) ---
java_version() { # prints the feature version of the JDK at $1, or nothing
    [ -x "$1/bin/javac" ] && [ -x "$1/bin/java" ] || return 0
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}
JDK=""
if [ -n "${JAVA_HOME:-}" ] && [ "$(java_version "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    JDK=$JAVA_HOME
else
    best=0
    for d in /usr/lib/jvm/*; do
        v=$(java_version "$d")
        if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best" ]; then best=$v; JDK=$d; fi
    done
fi
if [ -z "$JDK" ]; then
    echo "compare-pytorch.sh: no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm/*); install one, e.g. apt-get install -y openjdk-21-jdk-headless" >&2
    exit 1
fi

# --- PyTorch (Debian's python3-torch) with an optimised BLAS ---
PY=/usr/bin/python3
apt_install() {
    if [ "$(id -u)" != 0 ]; then
        echo "compare-pytorch.sh: please install as root: apt-get install -y $*" >&2
        exit 1
    fi
    echo "Installing with apt-get: $*"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; then
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
    fi
}
if ! "$PY" -c 'import torch' 2>/dev/null; then
    apt_install python3-torch libopenblas0-pthread
fi
if ! ls /usr/lib/x86_64-linux-gnu/libopenblas.so.0 >/dev/null 2>&1 && ! ls /usr/lib/*/libopenblas.so.0 >/dev/null 2>&1; then
    apt_install libopenblas0-pthread
fi

WORK=$(mktemp -d /tmp/digitlab-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [ -n "$TTA" ]; then
    # shellcheck source=bench/time-to-accuracy.inc.sh
    . "$ROOT/bench/time-to-accuracy.inc.sh"
    time_to_accuracy
    exit 0
fi

echo "== Compiling digitlab.nn with $JDK"
"$JDK/bin/javac" --release 21 --add-modules jdk.incubator.vector -nowarn -d "$WORK/classes" \
    $(find "$ROOT/bundles/digitlab.nn/src" -name '*.java') 2>&1 | grep -v -e '^warning' -e 'incubat' || true
[ -f "$WORK/classes/digitlab/nn/Network.class" ] || { echo "compare-pytorch.sh: compiling digitlab.nn failed" >&2; exit 1; }
# The conv plugin (the lenet preset): Benchmark registers it when it finds it on the classpath.
if [ -d "$ROOT/bundles/digitlab.nn.conv/src" ]; then
    echo "== Compiling digitlab.nn.conv"
    "$JDK/bin/javac" --release 21 --add-modules jdk.incubator.vector -nowarn -cp "$WORK/classes" -d "$WORK/classes" \
        $(find "$ROOT/bundles/digitlab.nn.conv/src" -name '*.java') 2>&1 | grep -v -e '^warning' -e 'incubat' || true
    [ -f "$WORK/classes/digitlab/nn/conv/ConvLayers.class" ] || echo "compare-pytorch.sh: compiling digitlab.nn.conv failed; lenet will be skipped" >&2
fi

# The benchmark bundle: Gson writes its JSON, picocli reads its options (versions of target-platform/digitlab.target).
M2=${MAVEN_REPO:-$HOME/.m2/repository}
LIBS="$M2/com/google/code/gson/gson/2.15.0/gson-2.15.0.jar:$M2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar"
for jar in ${LIBS//:/ }; do
    [ -f "$jar" ] || { echo "compare-pytorch.sh: $jar is missing; build the lab once (./digitlab build) so Maven fetches it" >&2; exit 1; }
done
echo "== Compiling digitlab.bench"
"$JDK/bin/javac" --release 21 --add-modules jdk.incubator.vector -nowarn -cp "$WORK/classes:$LIBS" -d "$WORK/classes" \
    $(find "$ROOT/bundles/digitlab.bench/src" -name '*.java') 2>&1 | grep -v -e '^warning' -e 'incubat' || true
[ -f "$WORK/classes/digitlab/bench/BenchmarkMain.class" ] || { echo "compare-pytorch.sh: compiling digitlab.bench failed" >&2; exit 1; }

echo "== Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Digit Lab"
"$JDK/bin/java" --add-modules jdk.incubator.vector \
    -cp "$WORK/classes:$LIBS" digitlab.bench.BenchmarkMain --json --threads "$THREADS" --batches "$BATCHES" "${QUICK[@]}" \
    2> >(grep -v -e 'WARNING: Using incubator modules' -e 'KernelSelector' -e '^INFO: digitlab.nn kernels' >&2) | tee "$WORK/digitlab.txt"
# PyTorch trains with the same loss and optimizer as Digit Lab's presets.
CONFIGS=$("$PY" -c 'import json, sys
ours = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
print(json.dumps({name: net["config"] for name, net in ours["networks"].items()}))' "$WORK/digitlab.txt")
echo "== PyTorch"
"$PY" "$ROOT/bench/pytorch_bench.py" --threads "$THREADS" --batches "$BATCHES" --configs "$CONFIGS" --json | tee "$WORK/torch.txt"

if [ -n "$DJL" ]; then
    # shellcheck source=bench/djl.inc.sh
    . "$ROOT/bench/djl.inc.sh"
    djl_bench
fi

echo "== Load average now: $(cut -d' ' -f1-3 /proc/loadavg) (other processes competing for the cores lower both sides' figures)"
echo "== Side by side (samples/s; ratio = Digit Lab at its best thread count / PyTorch at its best)"
"$PY" - "$WORK/torch.txt" "$WORK/digitlab.txt" <<'PYEOF'
import json, sys
torch = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
ours = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
summary = {}

def cell(m, t):
    return f"{m[t]:,.0f}" if t in m else "-"

print(f"{'network':<9} {'batch':>5} | {'PyTorch t=1':>11} {'t=2':>9} {'best':>9} | {'Digit Lab t=1':>13} {'t=2':>9} {'best':>9} | {'ratio':>6}")
names = [n for n in ours["networks"] if n in torch["networks"]]
for name in names:
    pt = {(r["threads"], r["batch"]): r["samples_per_second"] for r in torch["networks"][name]["training"]}
    dl = {(r["threads"], r["batch"]): r["samples_per_second"] for r in ours["networks"][name]["training"]}
    for b in sorted({b for (_, b) in pt}):
        p = {t: v for (t, bb), v in pt.items() if bb == b}
        d = {t: v for (t, bb), v in dl.items() if bb == b}
        pb, db = max(p.values()), max(d.values())
        print(f"{name:<9} {b:>5} | {cell(p, 1):>11} {cell(p, 2):>9} {pb:>9,.0f} | {cell(d, 1):>13} {cell(d, 2):>9} {db:>9,.0f} | {db / pb:>5.2f}x")
        summary[f"{name}_batch{b}_ratio"] = round(db / pb, 2)
    pi = min(torch["networks"][name]["inference_us"].values())
    di = min(ours["networks"][name]["inference_us"].values())
    print(f"{name:<9} {'infer':>5} | single-image forward, best thread count: PyTorch {pi:.1f} us, Digit Lab {di:.1f} us")
    summary[f"{name}_inference_us"] = {"pytorch": pi, "digitlab": di}

# One thread, by CPU time: what each side costs with a core to itself, whatever else runs.
rows = []
for name in names:
    pt = {r["batch"]: r["cpu_samples_per_second"] for r in torch["networks"][name]["training"] if "cpu_samples_per_second" in r}
    dl = {r["batch"]: r["cpu_samples_per_second"] for r in ours["networks"][name]["training"] if "cpu_samples_per_second" in r}
    for b in sorted(set(pt) & set(dl)):
        rows.append((name, b, pt[b], dl[b]))
        summary[f"{name}_batch{b}_cpu_ratio_1thread"] = round(dl[b] / pt[b], 2)
if rows:
    print()
    print("1 thread, rates by CPU time of the training thread (not lowered by other processes):")
    print(f"{'network':<9} {'batch':>5} | {'PyTorch':>10} | {'Digit Lab':>10} | {'ratio':>6}")
    for name, b, p, d in rows:
        print(f"{name:<9} {b:>5} | {p:>10,.0f} | {d:>10,.0f} | {d / p:>5.2f}x")
    for name in names:
        pc = torch["networks"][name].get("inference_cpu_us", {}).get("1")
        dc = ours["networks"][name].get("inference_cpu_us", {}).get("1")
        if pc and dc:
            print(f"{name:<9} {'infer':>5} | {pc:>8.1f} us | {dc:>8.1f} us | single-image forward, CPU time")
            summary[f"{name}_inference_cpu_us_1thread"] = {"pytorch": pc, "digitlab": dc}
print()
print(f"FP32 peak measured by Digit Lab (GFLOP/s by thread count): {ours['peak_gflops']}; "
      f"PyTorch {torch.get('version')} with {torch.get('blas')}")
print(json.dumps({"pytorch": torch, "digitlab": ours, "summary": summary}))
PYEOF
if [ -n "$DJL" ]; then djl_table; fi
