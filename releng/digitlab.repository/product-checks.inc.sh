# What test-plugins.sh, test-no-examples.sh and test-new-plugin.sh share (sourced by each): a copy of a built product
# to run the lab's commands on, and the checks, which count themselves and report failures without stopping.

# product_checks_start NAME PRODUCT WORK: empties WORK, copies the product folder PRODUCT to WORK/lab, and sets
# lab, bundles_info and the lab's environment (workspace and caches under WORK: class data sharing archives there
# take about a third off each start of the lab), finds its Java, and zeroes the counts; NAME prefixes the messages.
product_checks_start() {
  name="$1"
  work="$3"
  rm -rf "$work"
  mkdir -p "$work"
  cp -a "$2" "$work/lab"
  lab="$work/lab"
  bundles_info="$lab/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  export DIGITLAB_WORKSPACE="$work/workspace" XDG_CACHE_HOME="$work/cache" DIGITLAB_HEAP=1g
  # shellcheck source=../../features/digitlab.feature/rootfiles/find-jdk.sh
  . "$lab/find-jdk.sh"
  digitlab_find_java || exit 1
  started=$(date +%s)
  failures=0
  checks=0
}

# product_checks_summary: the line with the counts and the seconds since the start
product_checks_summary() {
  echo "$name: $checks checks, $failures failed, $(( $(date +%s) - started )) s" >&2
}

fail() { echo "$name: FAILED: $*" >&2; failures=$((failures + 1)); }

# run EXPECTED_EXIT COMMAND...: runs the copy's start script; its output is in $out
run() {
  local expected="$1"; shift
  local rc=0
  "$lab/digitlab" "$@" >"$work/last.out" 2>&1 || rc=$?
  out=$(grep -v '^WARNING: Using incubator modules' "$work/last.out")
  checks=$((checks + 1))
  if [ "$rc" != "$expected" ]; then fail "digitlab $* exited $rc, expected $expected; output: $out"; return 1; fi
  echo "ok: digitlab $* -> $rc" >&2
}
# contains TEXT / lacks TEXT: the last run's output has TEXT, or not
contains() { checks=$((checks + 1)); grep -qF -- "$1" <<<"$out" || fail "expected '$1' in: $out"; }
lacks() { checks=$((checks + 1)); ! grep -qF -- "$1" <<<"$out" || fail "did not expect '$1' in: $out"; }
one_line() { checks=$((checks + 1)); [ "$(wc -l <<<"$out")" = 1 ] || fail "expected one line, got: $out"; }
no_trace() { checks=$((checks + 1)); ! grep -qE '^\s+at [a-z]|Exception in thread' <<<"$out" || fail "a stack trace: $out"; }
# has_bundle ID / lacks_bundle ID: the copy's bundles.info lists bundle ID, or not
has_bundle() { checks=$((checks + 1)); grep -q "^$1," "$bundles_info" || fail "bundles.info lacks $1"; }
lacks_bundle() { checks=$((checks + 1)); ! grep -q "^$1," "$bundles_info" || fail "bundles.info still has $1"; }
