# The time-to-accuracy mode of bench/compare-pytorch.sh (sourced by it; see its header and bench/README.md).
# Needs from it: ROOT, PY (a python3 with torch), WORK (a scratch folder), ARCH, TARGET, EVAL_EVERY, SEEDS,
# THREADS (PyTorch's thread counts).
#
# Digit Lab: the product's `digitlab train --arch ARCH --target TARGET --eval-every EVAL_EVERY --seed S --json`
# for each seed, on all cores (the product is built first when it is missing or older than the sources).
# PyTorch: bench/pytorch_time_to_accuracy.py with the architecture and recipe of the lab's run (read from its
# run.json), at each thread count, each seed. Prints every run, the medians over the seeds and the ratio
# PyTorch (best thread count) / Digit Lab, then one JSON line.

time_to_accuracy() {
    local runs="$WORK/runs" seed line
    echo "== Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "== Digit Lab: digitlab train --arch $ARCH --target $TARGET --eval-every $EVAL_EVERY (seeds $SEEDS, all cores)"
    : > "$WORK/lab.jsonl"
    for seed in ${SEEDS//,/ }; do
        DIGITLAB_WORKSPACE="$WORK/workspace" "$ROOT/digitlab" train --arch "$ARCH" --target "$TARGET" \
            --eval-every "$EVAL_EVERY" --seed "$seed" --runs "$runs" --json > "$WORK/lab-$seed.txt" 2>&1 || {
            cat "$WORK/lab-$seed.txt" >&2
            echo "compare-pytorch.sh: digitlab train failed (above)" >&2
            exit 1
        }
        grep -v '^{' "$WORK/lab-$seed.txt" | grep -e '^run ' -e 'reached' -e 'test accuracy' || true
        line=$(tail -1 "$WORK/lab-$seed.txt")
        echo "$line" >> "$WORK/lab.jsonl"
    done
    # The architecture and recipe the lab trained, from the first run's run.json.
    local first
    first=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["run"])' "$WORK/lab.jsonl")
    local recipe
    recipe=$("$PY" - "$runs/$first/run.json" <<'PYEOF'
import json, sys
run = json.load(open(sys.argv[1]))
r = run["request"]
print(json.dumps({"architecture": run["architecture"], "config": {
    "loss": r["loss"], "optimizer": r["optimizer"], "learning_rate": r["learningRate"], "batch_size": r["batchSize"],
    "epochs": r["epochs"], "schedule": r["schedule"], "weight_decay": r["weightDecay"], "augment": r["augment"]}}))
PYEOF
)
    local arch config
    arch=$("$PY" -c 'import json, sys; print(json.loads(sys.argv[1])["architecture"])' "$recipe")
    config=$("$PY" -c 'import json, sys; print(json.dumps(json.loads(sys.argv[1])["config"]))' "$recipe")
    if "$PY" -c 'import json, sys; sys.exit(0 if json.loads(sys.argv[1])["augment"] else 1)' "$config"; then
        echo "compare-pytorch.sh: the $ARCH preset trains with augmentation, which the PyTorch side does not reproduce" >&2
        exit 1
    fi
    echo "== Recipe: $arch"
    echo "           $config"
    echo "== PyTorch (threads $THREADS)"
    "$PY" "$ROOT/bench/pytorch_time_to_accuracy.py" --arch "$arch" --config "$config" --target "$TARGET" \
        --eval-every "$EVAL_EVERY" --threads "$THREADS" --seeds "$SEEDS" --json | tee "$WORK/torch-tta.txt"
    echo "== Load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$PY" - "$WORK/lab.jsonl" "$WORK/torch-tta.txt" "$TARGET" "$arch" "$config" "$SEEDS" <<'PYEOF'
import json, statistics, sys
lab = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
seeds = sys.argv[6].split(",")
for r, s in zip(lab, seeds):
    r["seed"] = int(s)
torch = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
target = float(sys.argv[3])

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def fmt(v):
    return f"{v:.1f} s" if v is not None else "not reached"

print(f"== Time to {100 * target:.2f} % MNIST test accuracy (seconds from the start of training, evaluations included)")
print(f"{'':<18} {'seed':>4} | {'seconds':>11} | {'accuracy':>8} | {'epochs':>6} | {'evals':>5} {'(s)':>6}")
for r in lab:
    acc = r.get("target_accuracy")
    print(f"{'Digit Lab':<18} {r['seed']:>4} | {fmt(r.get('seconds_to_target')):>11} | {100 * acc if acc else 0:>7.2f}% | "
          f"{r.get('target_epochs', 0):>6.2f} | {r.get('target_evaluations', 0):>5} {r.get('target_evaluation_seconds', 0):>6.1f}")
for r in torch["runs"]:
    acc = r.get("target_accuracy") or r.get("final_accuracy") or 0
    print(f"{'PyTorch ' + str(r['threads']) + ' thread(s)':<18} {r['seed']:>4} | {fmt(r.get('seconds_to_target')):>11} | "
          f"{100 * acc:>7.2f}% | {r.get('target_epochs', 0):>6.2f} | {r['evaluations']:>5} {r['evaluation_seconds']:>6.1f}")
lab_median = median([r.get("seconds_to_target") for r in lab])
by_threads = {}
for r in torch["runs"]:
    by_threads.setdefault(r["threads"], []).append(r.get("seconds_to_target"))
torch_medians = {t: median(v) for t, v in by_threads.items() if all(x is not None for x in v)}
summary = {"target": target, "digitlab_seconds": lab_median, "pytorch_seconds_by_threads": torch_medians,
           "digitlab_runs": lab, "pytorch": torch, "architecture": sys.argv[4], "config": json.loads(sys.argv[5])}
if lab_median is not None and torch_medians:
    best_threads = min(torch_medians, key=torch_medians.get)
    best = torch_medians[best_threads]
    summary.update({"pytorch_best_threads": best_threads, "pytorch_seconds": best, "ratio": round(best / lab_median, 2)})
    print(f"Median over the seeds: Digit Lab {lab_median:.1f} s; PyTorch {best:.1f} s at {best_threads} thread(s) "
          f"(by threads: {', '.join(f'{t}: {v:.1f} s' for t, v in sorted(torch_medians.items()))}); "
          f"ratio PyTorch's time / Digit Lab's: {best / lab_median:.2f}x (above 1: the lab is faster)")
else:
    print("A side did not reach the target in every run: no ratio")
print(json.dumps(summary))
PYEOF
}
