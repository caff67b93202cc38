# The DJL column of bench/compare-pytorch.sh --djl (sourced by it; see bench/README.md).
# Needs from it: ROOT, JDK, PY, WORK, THREADS, BATCHES, CONFIGS (the lab presets' configs).
#
# DJL 0.36.0 (Deep Java Library, what a Java developer would use instead of the lab) with its PyTorch engine and
# PyTorch 2.7.1's CPU natives, all from Maven Central through the Maven wrapper into the local Maven repository
# (a cache outside the product; the first run downloads about 120 MB, 112 MB of it the natives jar). bench/djl/DjlBench.java is
# compiled with javac against those jars and run once per thread count with ai.djl.offline=true (the natives come
# from the jar, nothing from elsewhere), the PyTorch engine's threads set to the count.

DJL_VERSION=0.36.0
DJL_PYTORCH=2.7.1

djl_bench() {
    local dir="$WORK/djl"
    mkdir -p "$dir"
    cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>digitlab.bench</groupId>
  <artifactId>djl-column</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>ai.djl</groupId><artifactId>api</artifactId><version>$DJL_VERSION</version></dependency>
    <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-engine</artifactId><version>$DJL_VERSION</version></dependency>
    <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-jni</artifactId><version>$DJL_PYTORCH-$DJL_VERSION</version></dependency>
    <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-native-cpu</artifactId><version>$DJL_PYTORCH</version><classifier>linux-x86_64</classifier></dependency>
  </dependencies>
</project>
POM
    echo "== DJL $DJL_VERSION with PyTorch $DJL_PYTORCH (CPU natives from Maven Central; the first run downloads them)"
    JAVA_HOME="$JDK" "$ROOT/mvnw" -q -B -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" >"$dir/maven.log" 2>&1 || {
        tail -20 "$dir/maven.log" >&2
        echo "compare-pytorch.sh: fetching DJL failed (above)" >&2
        exit 1
    }
    local cp
    cp="$(cat "$dir/cp.txt")" # DJL brings Gson, which DjlBench reads its options with
    "$JDK/bin/javac" -nowarn -d "$dir/classes" -cp "$cp" "$ROOT/bench/djl/DjlBench.java" || {
        echo "compare-pytorch.sh: compiling bench/djl/DjlBench.java failed" >&2
        exit 1
    }
    : > "$dir/djl.jsonl"
    local t
    for t in ${THREADS//,/ }; do
        OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$t" \
            -Dai.djl.pytorch.num_interop_threads=1 -cp "$dir/classes:$cp" DjlBench --threads "$t" --batches "$BATCHES" \
            --networks "$("$PY" -c 'import json, sys; print(",".join(json.loads(sys.argv[1])))' "$CONFIGS")" \
            --configs "$CONFIGS" 2> >(grep -v -e '^WARNING' -e 'SLF4J' >&2) | tee "$dir/out-$t.txt"
        tail -1 "$dir/out-$t.txt" >> "$dir/djl.jsonl"
    done
}

# The three-way table: PyTorch, DJL and Digit Lab, each at its best thread count.
djl_table() {
    "$PY" - "$WORK/torch.txt" "$WORK/djl/djl.jsonl" "$WORK/digitlab.txt" <<'PYEOF'
import json, sys
torch = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
djl = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
ours = json.loads(open(sys.argv[3]).read().strip().splitlines()[-1])
engine = djl[0].get("engine", "?") if djl else "?"
print()
print(f"== Three columns (samples/s at each one's best thread count; DJL 0.36.0 on PyTorch {engine})")
print(f"{'network':<9} {'batch':>5} | {'PyTorch':>9} | {'DJL':>9} | {'Digit Lab':>9} | {'lab/PyTorch':>11} | {'lab/DJL':>7}")
summary = {}
for name in ours["networks"]:
    if name not in torch["networks"]:
        continue
    pt, dj, dl = {}, {}, {}
    for r in torch["networks"][name]["training"]:
        pt[r["batch"]] = max(pt.get(r["batch"], 0), r["samples_per_second"])
    for part in djl:
        for r in part["networks"].get(name, {}).get("training", []):
            dj[r["batch"]] = max(dj.get(r["batch"], 0), r["samples_per_second"])
    for r in ours["networks"][name]["training"]:
        dl[r["batch"]] = max(dl.get(r["batch"], 0), r["samples_per_second"])
    for b in sorted(set(pt) & set(dl)):
        d = dj.get(b)
        print(f"{name:<9} {b:>5} | {pt[b]:>9,.0f} | {(f'{d:,.0f}' if d else '-'):>9} | {dl[b]:>9,.0f} | "
              f"{dl[b] / pt[b]:>10.2f}x | {(f'{dl[b] / d:.2f}x' if d else '-'):>7}")
        summary[f"{name}_batch{b}"] = {"pytorch": pt[b], "djl": d, "digitlab": dl[b]}
print(json.dumps({"djl": djl, "three_columns": summary}))
PYEOF
}
