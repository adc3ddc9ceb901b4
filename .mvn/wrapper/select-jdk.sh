# Sourced by ./mvnw: the build compiles for Java 21, so Maven must run on a JDK 21 or newer.
# Takes JAVA_HOME when it is 21+, else the newest JDK 21+ found in the usual places.
# A plain POSIX sh script: mvnw runs under /bin/sh.
talent_required_java=21

talent_java_major() {
  [ -x "$1/bin/javac" ] || { echo 0; return; }
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  case "$v" in 1.*) echo 1 ;; '') echo 0 ;; *) echo "${v%%.*}" ;; esac
}

talent_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(talent_java_major "$JAVA_HOME")" -ge "$talent_required_java" ]; then
    return 0
  fi
  best="" best_major=0
  set +f # mvnw turns globbing off; the search needs it
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    major=$(talent_java_major "$candidate")
    if [ "$major" -ge "$talent_required_java" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  set -f
  if [ -z "$best" ]; then
    echo "The talent portal needs a JDK $talent_required_java or newer, and none was found" >&2
    echo "(JAVA_HOME=${JAVA_HOME-unset}; searched /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks)." >&2
    echo "Install one, for example: apt-get install openjdk-21-jdk-headless (or Temurin 21/25), or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
  [ "${MVNW_VERBOSE-}" != true ] || echo "mvnw: using JDK $best_major at $JAVA_HOME" >&2
}

talent_select_jdk
