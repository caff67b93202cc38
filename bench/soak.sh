#!/usr/bin/env bash
# Soak test (not part of the default test run): trains runs back to back as Eclipse Jobs under Tycho's OSGi
# test runtime for N minutes while a "canvas" thread predicts from the live model, samples heap-after-GC and
# thread counts every minute and prints a table; fails when they grow (see
# bundles/digitlab.train.tests/src/digitlab/train/tests/SoakTest.java). Headless (no views open).
#
#   bench/soak.sh [minutes]        default 30; the table is also written to target/soak-report.txt
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
case "$MINUTES" in ''|*[!0-9.]*) echo "soak.sh: minutes must be a number, not '$MINUTES'" >&2; exit 2;; esac
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    for j in /usr/lib/jvm/*; do
        if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$j"; break; fi
    done
fi
[ -n "${JAVA_HOME:-}" ] || { echo "soak.sh: needs a JDK >= 21 (e.g. apt-get install temurin-21-jdk)" >&2; exit 1; }
export JAVA_HOME
mkdir -p target
REPORT="$PWD/target/soak-report.txt"
./mvnw -B -o verify -pl bundles/digitlab.train.tests -am -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false \
    "-Ddigitlab.test.argLine=--add-modules jdk.incubator.vector -Xmx3g -Djava.awt.headless=true -Ddigitlab.soak.minutes=$MINUTES -Ddigitlab.soak.report=$REPORT"
echo "soak report ($MINUTES minutes):"
cat "$REPORT"
