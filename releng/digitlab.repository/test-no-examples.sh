#!/usr/bin/env bash
# The product without the example plugins (digitlab.core.product, what "-Dno-examples" archives), end to end
# (issue 15; called by test-plugins.sh, skipped with -DskipTests): on a copy of that product,
#  - the examples are absent: no bundles, the lab knows neither the adagrad optimizer nor the uci-digits dataset;
#  - a look-alike of an example plugin (same id and version, other content, unsigned) is refused;
#  - "digitlab install digitlab-repository.zip digitlab.examples.feature" installs them headless, without
#    --trust-unsigned (the lab's own examples are trusted) and without a question;
#  - after the restart (each command is a new start of the lab) the Saliency view's bundle and the robustness
#    plugin are installed and resolved, adagrad, gaussiannoise and uci-digits are known, and adagrad trains;
#  - "digitlab uninstall digitlab.examples.feature" removes them again; the lab still starts and trains, and
#    names the optimizer it no longer has.
#
#   test-no-examples.sh TARGET_DIR     (e.g. releng/digitlab.repository/target)
set -uo pipefail

target="$(cd "$1" && pwd)"
product="$target/products/digitlab.core.product/linux/gtk/x86_64/digitlab"
repo_zip="$target/products/digitlab-repository.zip"
if [ ! -x "$product/digitlab" ]; then
  echo "test-no-examples: FAILED: no product without the examples at $product" >&2
  exit 1
fi
# shellcheck source=product-checks.inc.sh
. "$(dirname "${BASH_SOURCE[0]}")/product-checks.inc.sh"
product_checks_start test-no-examples "$product" "$target/no-examples-tests"

# --- the product as built: no examples ---------------------------------------------------------------------------
run 0 plugins
contains "digitlab.feature"
lacks "digitlab.examples.feature"
lacks_bundle digitlab.analysis.saliency
lacks_bundle digitlab.examples.robustness
checks=$((checks + 1))
[ -z "$(ls "$lab/plugins" | grep -E '^digitlab\.(analysis\.saliency|examples\.robustness)_')" ] \
  || fail "the product without the examples has their jars: $(ls "$lab/plugins" | grep -E '^digitlab\.(analysis|examples)')"
run 2 train --optimizer nosuch
contains "unknown optimizer 'nosuch'"
lacks "adagrad"
run 2 train --dataset nosuch
lacks "uci-digits"

# --- a look-alike: the lab's id and version, other content, unsigned: refused without the flag ------------------
# (the lab's own artifacts are trusted by content, pinned in p2/digitlab.p2/trusted-artifacts.txt, not by name)
version=$(unzip -l "$repo_zip" | grep -o 'plugins/digitlab\.examples\.robustness_[^ ]*\.jar' | sed 's/.*_\(.*\)\.jar/\1/')
mkdir -p "$work/lookalike/plugins"
printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: digitlab.examples.robustness\nBundle-Version: %s\nBundle-Name: look-alike\n' \
  "$version" > "$work/lookalike.mf"
"$DIGITLAB_JAVA_HOME/bin/jar" --create --file "$work/lookalike/plugins/digitlab.examples.robustness_$version.jar" --manifest "$work/lookalike.mf"
"$DIGITLAB_JAVA" -jar "$(ls "$lab"/plugins/org.eclipse.equinox.launcher_*.jar)" -nosplash -data "$work/publisher-ws" \
  -application org.eclipse.equinox.p2.publisher.FeaturesAndBundlesPublisher \
  -metadataRepository "file:$work/lookalike-repo" -artifactRepository "file:$work/lookalike-repo" \
  -source "$work/lookalike" -publishArtifacts >"$work/publisher.log" 2>&1 || fail "the p2 publisher failed: $(cat "$work/publisher.log")"
cp "$bundles_info" "$work/bundles.info.before"
run 1 install "$work/lookalike-repo" digitlab.examples.robustness
contains "refused unsigned or untrusted content from $work/lookalike-repo: digitlab.examples.robustness $version"
cmp -s "$bundles_info" "$work/bundles.info.before" || fail "the refused look-alike changed bundles.info"

# --- install the examples headless, from the lab's repository zip, with no trust flag ---------------------------
size_before=$(du -sb "$lab" | cut -f1)
t0=$(date +%s%N)
run 0 install "$repo_zip" digitlab.examples.feature
t1=$(date +%s%N)
contains "installed digitlab.examples.feature"
lacks "refused"
no_trace
echo "test-no-examples: figure: headless install of the examples into the product without them:" \
  "$(( (t1 - t0) / 1000000 )) ms for the command, p2 $(grep -o 'in [0-9.]* s' <<<"$out")" >&2
has_bundle digitlab.analysis.saliency
has_bundle digitlab.examples.robustness

# --- after the restart: the examples are there and work ---------------------------------------------------------
run 0 plugins
contains "digitlab.examples.feature"
contains "$repo_zip"  # where they came from
run 2 train --optimizer nosuch
contains "adagrad"
run 2 train --dataset nosuch
contains "uci-digits"
# the Saliency view's jar is in plugins/ and nothing about it was logged by the restarted lab
checks=$((checks + 1))
compgen -G "$lab/plugins/digitlab.analysis.saliency_*" >/dev/null || fail "no digitlab.analysis.saliency jar in plugins/"
checks=$((checks + 1))
! grep -qs "digitlab.analysis.saliency" "$DIGITLAB_WORKSPACE/.metadata/.log" "$lab/configuration/"*.log \
  || fail "the lab logged about digitlab.analysis.saliency: $(grep -hs -A3 saliency "$DIGITLAB_WORKSPACE/.metadata/.log" "$lab/configuration/"*.log)"
run 0 train --optimizer adagrad --epochs 1 --limit 1000 --validation 0 --threads 1
contains "test accuracy"
echo "test-no-examples: figure: product without the examples $(( size_before / 1000 )) kB, with them installed" \
  "$(( $(du -sb "$lab" | cut -f1) / 1000 )) kB (du -sb)" >&2

# --- uninstall: gone, and the lab still starts and trains --------------------------------------------------------
run 0 uninstall digitlab.examples.feature
contains "uninstalled digitlab.examples.feature"
lacks_bundle digitlab.analysis.saliency
lacks_bundle digitlab.examples.robustness
run 0 plugins
lacks "digitlab.examples.feature"
run 2 train --optimizer adagrad --epochs 1
contains "unknown optimizer 'adagrad'"
no_trace
run 0 train --epochs 1 --limit 1000 --validation 0 --threads 1
contains "test accuracy"

product_checks_summary
[ "$failures" = 0 ]
