#!/usr/bin/env bash
# Soak test WITH THE VIEWS OPEN (not part of the default test run): in the product's workbench under Xvfb,
# trains small runs back to back from the Training view for N minutes while the Digit Canvas guesses (a digit
# drawn with mouse events before every run, Follow Training on), the Weights heatmaps follow the run, the
# Confusion Matrix and Network Activity redraw for each new current model. Samples heap-after-GC, threads, SWT
# graphics objects (SWT resource tracking), widgets, file descriptors, RSS and the X server's resources of
# the JVM every minute; fails when they grow (see
# bundles/digitlab.ui.tests/src/digitlab/ui/tests/ViewsSoakTest.java). The headless soak is bench/soak.sh.
#
#   bench/soak-views.sh [minutes]   default 30; the samples go to target/soak-views.csv, the table and the
#                                   start -> end summary to target/soak-views-summary.txt
#
# Needs xvfb-run (apt-get install xvfb); xrestop (apt-get install xrestop) adds the X resource columns.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
case "$MINUTES" in ''|*[!0-9.]*) echo "soak-views.sh: minutes must be a number, not '$MINUTES'" >&2; exit 2;; esac
SAMPLE_SECONDS="${SOAK_SAMPLE_SECONDS:-60}"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    for j in /usr/lib/jvm/*; do
        if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$j"; break; fi
    done
fi
[ -n "${JAVA_HOME:-}" ] || { echo "soak-views.sh: needs a JDK >= 21 (e.g. apt-get install temurin-21-jdk)" >&2; exit 1; }
export JAVA_HOME
command -v xvfb-run >/dev/null 2>&1 || { echo "soak-views.sh: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
command -v xrestop >/dev/null 2>&1 || echo "soak-views.sh: xrestop not found: no X resource columns (apt-get install xrestop)" >&2
mkdir -p target
REPORT="$PWD/target/soak-views.csv"
rm -f "$REPORT" "$PWD/target/soak-views-summary.txt"
# Its own Xvfb (-a: a free display number), so the X resources counted are the test JVM's alone.
xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
    ./mvnw -B -o verify -pl bundles/digitlab.ui,bundles/digitlab.ui.tests,features/digitlab.feature -am \
    -Dtest=ViewsSoakTest -Dsurefire.failIfNoSpecifiedTests=false \
    "-Ddigitlab.test.argLine=--add-modules jdk.incubator.vector -Xmx3g -Djava.awt.headless=true -Ddigitlab.soak.minutes=$MINUTES -Ddigitlab.soak.sampleSeconds=$SAMPLE_SECONDS -Ddigitlab.soak.report=$REPORT"
echo "views soak ($MINUTES minutes):"
cat "$PWD/target/soak-views-summary.txt"
