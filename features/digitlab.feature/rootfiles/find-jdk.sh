# Sourced by Digit Lab's scripts: sets DIGITLAB_JAVA to a java executable of version >= 21.
# Order: $JAVA_HOME when it is new enough, then `java` on the PATH, then the JDKs under /usr/lib/jvm
# (newest first). When none is found it says exactly what to install and returns 1.

digitlab_java_major() {
  # Prints the major version of the java executable $1 ("17", "21", "25"), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

digitlab_find_java() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r dir; do candidates+=("$dir/bin/java"); done \
      < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -t- -k2 -V -r)
  fi
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    major=$(digitlab_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      DIGITLAB_JAVA="$candidate"
      DIGITLAB_JAVA_HOME="$(cd "$(dirname "$candidate")/.." && pwd)"
      export DIGITLAB_JAVA DIGITLAB_JAVA_HOME
      return 0
    fi
  done
  cat >&2 <<'MSG'
digitlab: no Java 21 or newer found (looked at $JAVA_HOME, java on the PATH and /usr/lib/jvm/*).
Install one, for example:  sudo apt-get install openjdk-21-jdk   (Debian 13 / Ubuntu 24.04)
or a Temurin 21+ JDK (https://adoptium.net), then set JAVA_HOME to it.
MSG
  return 1
}
