#!/usr/bin/env bash
# "A new plugin in one command" on the built product (issue 15; run by the Maven build after the product is
# materialized, next to test-plugins.sh; skipped with -DskipTests). On a copy of the product:
#  - bad input to 'digitlab new-plugin' is one line, exit code 2, nothing written;
#  - 'digitlab new-plugin' writes a layer, an optimizer, a dataset and a view plugin (the default repository: the
#    build's digitlab-repository.zip, found above the product);
#  - the four projects build with 'mvn verify' (offline when the lab's build is), tests included, in one Maven reactor (timed);
#  - each installs with 'digitlab install' (timed), and its contribution is used: the layer's preset trains one
#    epoch on a subset with the optimizer, the dataset evaluates the ready model, the view's bundle is installed
#    and its extension registered (its own test, run by mvn verify above, opens it in the lab's workbench);
#  - each uninstalls, and the lab still trains.
#
#   test-new-plugin.sh TARGET_DIR PRODUCT_ID [offline=true|false]   (e.g. releng/digitlab.repository/target digitlab.product offline=true)
# offline=... (the lab's build passes offline=${settings.offline}): offline=true builds the generated plugins with -o; otherwise Maven
# may fetch what the lab's own build did not (JUnit's engine for the generated tests, on a cold repository in CI).
set -uo pipefail

target="$(cd "$1" && pwd)"
product_id="${2:-digitlab.product}"
offline="${3:-offline=false}"
product="$target/products/$product_id/linux/gtk/x86_64/digitlab"
# shellcheck source=product-checks.inc.sh
. "$(dirname "${BASH_SOURCE[0]}")/product-checks.inc.sh"
product_checks_start test-new-plugin "$product" "$target/new-plugin-tests"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
absent() { checks=$((checks + 1)); [ ! -e "$1" ] || fail "$1 was written"; }

plugins="$work/plugins"
mkdir -p "$plugins"

# --- bad input: one line, exit code 2, nothing written -------------------------------------------------------------
run 2 new-plugin --kind widget --id com.example.w "$plugins/bad"
contains "digitlab new-plugin: --kind: unknown kind 'widget'; known: layer, optimizer, dataset, view"
one_line
run 2 new-plugin --kind layer --id Com.Example "$plugins/bad"
contains "digitlab new-plugin: --id: 'Com.Example' is not a plugin id"
one_line
run 2 new-plugin --kind layer --id com.example.x --lab-repository "$work/nowhere.zip" "$plugins/bad"
contains "digitlab new-plugin: --lab-repository $work/nowhere.zip: no such file or folder"
one_line
absent "$plugins/bad"
mkdir -p "$plugins/full"
echo "mine" > "$plugins/full/notes.txt"
run 2 new-plugin --kind layer --id com.example.x "$plugins/full"
contains "digitlab new-plugin: $plugins/full is not empty; give a new or empty folder (nothing is overwritten)"
one_line
checks=$((checks + 1))
[ "$(ls -A "$plugins/full")" = notes.txt ] || fail "the refused folder changed: $(ls -A "$plugins/full")"
rm -rf "$plugins/full"

# --- four plugins, one command each --------------------------------------------------------------------------------
# kind:id (the last segment names the contribution: layer type swish and preset swish-mlp, optimizer rmsp,
# dataset segments, view com.example.layertable.view)
kinds=(layer:com.example.swish optimizer:com.example.rmsp dataset:com.example.segments view:com.example.layertable)
for k in "${kinds[@]}"; do
  run 0 new-plugin --kind "${k%%:*}" --id "${k#*:}" "$plugins/${k%%:*}"
  contains "into $plugins/${k%%:*}"
done
checks=$((checks + 1))
grep -qF "jar:file://$target/digitlab-repository.zip!/" "$plugins/layer/com.example.swish.target/com.example.swish.target" \
  || fail "the layer's target does not name $target/digitlab-repository.zip: $(grep location= "$plugins/layer/com.example.swish.target/com.example.swish.target")"

# --- mvn verify (offline when the lab's build is), the four projects in one reactor ---------------------------------------------------------
cp -r "$plugins/layer/.mvn" "$plugins/"
cat > "$plugins/pom.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>test</groupId>
  <artifactId>new-plugins</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules><module>layer</module><module>optimizer</module><module>dataset</module><module>view</module></modules>
</project>
EOF
mvn_cmd=("$plugins/layer/mvnw" -B -f "$plugins/pom.xml" verify)
if [ "$offline" = offline=true ]; then mvn_cmd+=(-o); fi
if [ -z "${DISPLAY:-}" ]; then mvn_cmd=(xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" "${mvn_cmd[@]}"); fi
t0=$(now_ms)
checks=$((checks + 1))
# the view's tests start the lab's workbench: a display is needed (the lab's own build runs under one)
(cd "$plugins" && env -u MAVEN_PROJECTBASEDIR -u MAVEN_BASEDIR -u MAVEN_ARGS -u MAVEN_OPTS \
   JAVA_HOME="$DIGITLAB_JAVA_HOME" "${mvn_cmd[@]}") >"$work/mvn.log" 2>&1 \
  || fail "mvn verify of the four generated plugins failed; the end of $work/mvn.log: $(grep -v WARNING "$work/mvn.log" | tail -30)"
t1=$(now_ms)
tests_run=$(grep -c '^Tests run: [0-9]*, Failures: 0, Errors: 0, Skipped: 0$' "$work/mvn.log")
checks=$((checks + 1))
[ "$tests_run" = 4 ] || fail "expected 4 test bundles passing, found $tests_run summaries in $work/mvn.log"
echo "test-new-plugin: figure: mvn verify of the four generated plugins (one reactor, tests included): $(( (t1 - t0) / 1000 )) s; $(grep '^Tests run:.*Skipped: 0$' "$work/mvn.log" | awk '{s += $3} END {print s+0}') tests" >&2

# --- install each, and use it --------------------------------------------------------------------------------------
for k in "${kinds[@]}"; do
  id="${k#*:}"
  t0=$(now_ms)
  run 0 install --trust-unsigned "$plugins/${k%%:*}/$id.repository/target/repository"
  t1=$(now_ms)
  contains "installed $id.feature"
  echo "test-new-plugin: figure: install of $id: $(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 )) s for the command, p2 $(grep -o 'in [0-9.]* s' <<<"$out")" >&2
  has_bundle "$id"
done
run 0 plugins
for k in "${kinds[@]}"; do contains "${k#*:}.feature"; done
# the layer's preset, trained with the optimizer: one epoch on 1,000 images
run 0 train --arch swish-mlp --optimizer rmsp --lr 0.001 --epochs 1 --limit 1000 --validation 0 --threads 1
contains "swish-mlp on mnist"
contains "rmsp lr 0.001"
contains "test accuracy"
echo "test-new-plugin: figure: swish-mlp with rmsp, 1 epoch on 1,000 images: $(grep '^test accuracy' <<<"$out")" >&2
# the dataset, evaluating the ready model
run 0 eval --dataset segments
contains "segments test: accuracy"
contains "of 1000)"
echo "test-new-plugin: figure: the ready model on the generated dataset: $(grep '^segments test' <<<"$out")" >&2
# the view: its bundle is installed and resolved by the lab, its extension names the view class
checks=$((checks + 1))
unzip -p "$(ls "$lab"/plugins/com.example.layertable_*.jar)" plugin.xml | grep -F >/dev/null 'class="com.example.layertable.LayertableView"' \
  || fail "the installed view bundle has no view extension"

# --- uninstall each; the lab still trains -------------------------------------------------------------------------
for k in "${kinds[@]}"; do
  run 0 uninstall "${k#*:}.feature"
  lacks_bundle "${k#*:}"
done
run 2 train --arch swish-mlp --epochs 1 --limit 1000 --validation 0 --threads 1
contains "digitlab train: --arch: unknown architecture preset 'swish-mlp'"
run 0 train --epochs 1 --limit 1000 --validation 0 --threads 1
contains "test accuracy"

product_checks_summary
[ "$failures" = 0 ]
