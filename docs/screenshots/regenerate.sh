#!/usr/bin/env bash
# Regenerates the README's screenshots (this folder) from the workbench at its default window size (1400x900),
# under its own virtual display: draws a 3, trains two short runs and a small sweep (a few minutes on 2 cores), opens every view
# and saves what the screen shows (ReadmeScreenshotsTest in digitlab.ui.tests). Uses a scratch workspace, so
# your runs are untouched. Look at every picture before committing them.
#
#   docs/screenshots/regenerate.sh          (add -o to build offline)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
if [ -z "${JAVA_HOME:-}" ]; then
    for j in /usr/lib/jvm/*; do
        if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$j"; break; fi
    done
fi
[ -n "${JAVA_HOME:-}" ] || { echo "regenerate.sh: needs a JDK >= 21" >&2; exit 1; }
export JAVA_HOME
command -v xvfb-run >/dev/null 2>&1 || { echo "regenerate.sh: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
OUT="$PWD/docs/screenshots"
export GTK_OVERLAY_SCROLLING=0 # as the start script sets it: scroll bars that show
xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
    ./mvnw -B "$@" verify -pl bundles/digitlab.ui,bundles/digitlab.ui.tests,features/digitlab.feature -am \
    -Dtest=ReadmeScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
    "-Ddigitlab.test.argLine=--add-modules jdk.incubator.vector -Xmx3g -Djava.awt.headless=true -Ddigitlab.screenshots=$OUT"
ls -l "$OUT"/*.png
