# Sourced by Digit Lab's scripts: sets DIGITLAB_JAVA to a java executable of version >= 21.
# Order: $JAVA_HOME when it is new enough, then `java` on the PATH, then the JDKs under /usr/lib/jvm
# (newest first). When none is found it says exactly what to install and returns 1.

digitlab_java_major() {
  # Prints the major version of the java executable $1 ("17", "21", "25"), or nothing.
  # Read from the JDK's "release" file (JAVA_VERSION="25.0.3", "1.8.0_402") when there is one, with shell
  # builtins only: starting a JVM just to ask its version cost up to a second of every start.
  local exe home line version=""
  exe="$(readlink -f "$1")"
  home="${exe%/bin/java}"
  if [ "$home" != "$exe" ] && [ -r "$home/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) version="${line#JAVA_VERSION=}"; version="${version//\"/}"; break ;; esac
    done <"$home/release"
    case "$version" in 1.*) version="${version#1.}" ;; esac
    version="${version%%[!0-9]*}"
    if [ -n "$version" ]; then echo "$version"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

digitlab_try_java() {
  # Sets and exports DIGITLAB_JAVA and DIGITLAB_JAVA_HOME when $1 is a java executable of version >= 21.
  local major
  [ -x "$1" ] || return 1
  major=$(digitlab_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ] || return 1
  DIGITLAB_JAVA="$1"
  DIGITLAB_JAVA_HOME="$(cd "$(dirname "$1")/.." && pwd)"
  export DIGITLAB_JAVA DIGITLAB_JAVA_HOME
}

digitlab_find_java() {
  local dir
  [ -n "${JAVA_HOME:-}" ] && digitlab_try_java "$JAVA_HOME/bin/java" && return 0
  command -v java >/dev/null 2>&1 && digitlab_try_java "$(command -v java)" && return 0
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r dir; do
      digitlab_try_java "$dir/bin/java" && return 0
    done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -t- -k2 -V -r)
  fi
  cat >&2 <<'MSG'
digitlab: no Java 21 or newer found (looked at $JAVA_HOME, java on the PATH and /usr/lib/jvm/*).
Install one, for example:  sudo apt-get install openjdk-21-jdk   (Debian 13 / Ubuntu 24.04)
or a Temurin 21+ JDK (https://adoptium.net), then set JAVA_HOME to it.
MSG
  return 1
}
