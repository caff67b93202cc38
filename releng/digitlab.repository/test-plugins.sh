#!/usr/bin/env bash
# Plugin management on the built product (issue 15; run by the Maven build after the product is materialized,
# skipped with -DskipTests): on a copy of the product, with the real p2 of the lab and its repository zip,
#  - the lab lists its plugins and refuses to uninstall parts of itself;
#  - uninstalling the examples feature removes its bundles; the lab still trains;
#  - bad repositories are named in one line, nothing changes;
#  - installing the examples from digitlab-repository.zip (headless) brings back their bundles, and the example
#    optimizer trains; installing them twice is refused;
#  - a plugin with a missing dependency is refused with p2's explanation, nothing installed;
#  - unsigned content of another publisher is refused without --trust-unsigned, installed with it;
#  - a jar dropped into dropins/ is installed at the next start, and gone when removed; a broken jar is logged
#    with its name and the lab starts;
#  - then test-no-examples.sh: the product built without the examples gets them installed headless (look-alikes
#    refused), uses them after the restart, and uninstalls them.
#
#   test-plugins.sh TARGET_DIR PRODUCT_ID     (e.g. releng/digitlab.repository/target digitlab.product)
set -uo pipefail

target="$(cd "$1" && pwd)"
product_id="${2:-digitlab.product}"
product="$target/products/$product_id/linux/gtk/x86_64/digitlab"
repo_zip="$target/products/digitlab-repository.zip"
# shellcheck source=product-checks.inc.sh
. "$(dirname "${BASH_SOURCE[0]}")/product-checks.inc.sh"
product_checks_start test-plugins "$product" "$target/plugin-tests"

# --- what is installed; the lab protects itself --------------------------------------------------------------------
run 0 plugins
contains "digitlab.feature"
contains "Digit Lab"
if [ "$product_id" = digitlab.product ]; then
  contains "digitlab.examples.feature"
  run 0 uninstall digitlab.examples.feature
  contains "uninstalled digitlab.examples.feature"
fi
lacks_bundle digitlab.analysis.saliency
lacks_bundle digitlab.examples.robustness
has_bundle digitlab.app
run 1 uninstall digitlab.feature
contains "digitlab uninstall: 'digitlab.feature' is part of Digit Lab itself and cannot be uninstalled"
one_line
# the lab without the examples trains
run 0 train --epochs 1 --limit 1000 --validation 0 --threads 1
contains "test accuracy"

# --- bad repositories ------------------------------------------------------------------------------------------
cp "$bundles_info" "$work/bundles.info.before"
run 1 install "$work/nowhere.zip" digitlab.examples.feature
contains "digitlab install: $work/nowhere.zip: no such file or folder"
one_line
mkdir -p "$work/not-p2"
echo "hello" > "$work/not-p2/readme.txt"
run 1 install "$work/not-p2" digitlab.examples.feature
contains "digitlab install: $work/not-p2 is not a p2 repository"
one_line

# --- the examples from the lab's repository zip ----------------------------------------------------------------
run 1 install "$repo_zip" digitlab.nosuch
contains "has no feature or bundle 'digitlab.nosuch'; its features: digitlab.examples.feature, digitlab.feature"
one_line
cmp -s "$bundles_info" "$work/bundles.info.before" || fail "a refused install changed bundles.info"
cmp -s "$bundles_info" "$work/bundles.info.before" || fail "a refused install changed bundles.info"
t0=$(date +%s%N)
run 0 install "$repo_zip" digitlab.examples.feature
t1=$(date +%s%N)
contains "installed digitlab.examples.feature"
echo "test-plugins: figure: headless install of digitlab.examples.feature: $(( (t1 - t0) / 1000000 )) ms for the command, p2 $(grep -o 'in [0-9.]* s' <<<"$out")" >&2
has_bundle digitlab.analysis.saliency
has_bundle digitlab.examples.robustness
run 1 install "$repo_zip" digitlab.examples.feature
contains "already installed; nothing to do"
one_line
run 0 train --optimizer adagrad --epochs 1 --limit 1000 --validation 0 --threads 1
contains "test accuracy"

# --- plugins of another publisher: unsigned, or with a missing dependency ----------------------------------------
mkdir -p "$work/src/plugins" "$work/jars"
manifest() { # NAME [EXTRA HEADER]
  printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: %s\nBundle-Version: 1.0.0\nBundle-Name: %s test plugin\n%s' \
    "$1" "$1" "${2:+$2
}" > "$work/jars/$1.mf"
  "$DIGITLAB_JAVA_HOME/bin/jar" --create --file "$work/jars/$1_1.0.0.jar" --manifest "$work/jars/$1.mf"
}
manifest com.example.hello
manifest com.example.needy "Import-Package: com.example.nowhere"
manifest com.example.dropped
cp "$work/jars/com.example.hello_1.0.0.jar" "$work/jars/com.example.needy_1.0.0.jar" "$work/src/plugins/"
"$DIGITLAB_JAVA" -jar "$(ls "$lab"/plugins/org.eclipse.equinox.launcher_*.jar)" -nosplash -data "$work/publisher-ws" \
  -application org.eclipse.equinox.p2.publisher.FeaturesAndBundlesPublisher \
  -metadataRepository "file:$work/other-repo" -artifactRepository "file:$work/other-repo" \
  -source "$work/src" -publishArtifacts >"$work/publisher.log" 2>&1 || fail "the p2 publisher failed: $(cat "$work/publisher.log")"
cp "$bundles_info" "$work/bundles.info.before"
run 1 install "$work/other-repo" com.example.needy --trust-unsigned
contains "digitlab install: cannot install com.example.needy 1.0.0: Missing requirement"
contains "com.example.nowhere"
one_line
run 1 install "$work/other-repo" com.example.hello
contains "refused unsigned or untrusted content from $work/other-repo: com.example.hello 1.0.0"
one_line
cmp -s "$bundles_info" "$work/bundles.info.before" || fail "a refused install changed bundles.info"
run 0 install --trust-unsigned "$work/other-repo" com.example.hello
has_bundle com.example.hello

# --- dropins ----------------------------------------------------------------------------------------------------
mkdir -p "$lab/dropins"
cp "$work/jars/com.example.dropped_1.0.0.jar" "$lab/dropins/"
head -c 1000 /dev/urandom > "$lab/dropins/com.example.broken_1.0.0.jar"
run 0 plugins
contains "com.example.dropped"
contains "dropins"
contains "$repo_zip"  # where the examples came from
checks=$((checks + 1))
grep '^com.example.hello ' <<<"$out" | grep -F "$work/other-repo" >/dev/null || fail "com.example.hello not listed from $work/other-repo: $out"
has_bundle com.example.dropped
checks=$((checks + 1))
grep -qs "dropins/com.example.broken_1.0.0.jar" "$DIGITLAB_WORKSPACE/.metadata/.log" "$lab/configuration/"*.log \
  || fail "the broken jar in dropins/ is not named in the log"
run 1 uninstall com.example.dropped
contains "comes from the dropins folder"
rm "$lab/dropins/com.example.dropped_1.0.0.jar" "$lab/dropins/com.example.broken_1.0.0.jar"
run 0 plugins
lacks "com.example.dropped"
lacks_bundle com.example.dropped

# --- uninstall what was installed -------------------------------------------------------------------------------
run 0 uninstall digitlab.examples.feature
lacks_bundle digitlab.analysis.saliency
run 0 uninstall com.example.hello
lacks_bundle com.example.hello

product_checks_summary

# --- the product without the examples, end to end (its own script) ----------------------------------------------
bash "$(dirname "${BASH_SOURCE[0]}")/test-no-examples.sh" "$target" || failures=$((failures + 1))

[ "$failures" = 0 ]
