#!/usr/bin/env bash
# Runs the whole platform locally, without Docker: embedded PostgreSQL and Kafka plus the three
# services. Builds first when a jar is missing or older than the sources. `./run-local.sh --help`
# lists the options; everything is passed on to org.civic.localinfra.LocalRun.
set -euo pipefail

cd "$(dirname "$0")"
root="$(pwd)"

services=(members-service branches-service activities-service)
launcher=local-infra/target/local-infra.jar

wants_services=true
may_build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-services | -h | --help) wants_services=false ;;
    --no-build) may_build=false; continue ;; # ours alone, not passed on
  esac
  args+=("$arg")
done

# What must exist to run: the launcher, and the services unless they are not wanted.
needed=("$launcher" local-infra/target/classpath.txt)
modules=(local-infra)
if $wants_services; then
  for service in "${services[@]}"; do
    needed+=("$service/target/quarkus-app/quarkus-run.jar")
    modules+=("$service")
  done
fi

# Stale = missing, or older than a main source, resource or POM it is built from. The launcher
# comes from local-infra alone; a service also from the shared modules, so for it the whole
# repository counts.
stale() {
  local jar="$1"
  shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" \( -name target -o -name .local -o -name node_modules -o -name .git \) -prune \
    -o \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit)" ]]
}

build=false
if $may_build; then
  if stale "$launcher" local-infra pom.xml; then
    build=true
  fi
  for jar in "${needed[@]:1}"; do
    if stale "$jar" .; then
      build=true
    fi
  done
elif [[ ! -f "$launcher" ]]; then
  build=true # --no-build, but nothing runs without the launcher itself
  modules=(local-infra)
  needed=("$launcher" local-infra/target/classpath.txt)
fi

if $build; then
  modules_csv="$(IFS=,; echo "${modules[*]}")"
  echo "[local] Building $modules_csv (tests skipped)..."
  if ! ./mvnw -B -q -Dstyle.color=never -DskipTests package -pl "$modules_csv" -am; then
    echo "[local] Build failed (see above). To start with the jars already built: $0 --no-build" >&2
    exit 1
  fi
  # A no-op build may leave a jar untouched; mark them fresh so the next start does not rebuild.
  touch -c "${needed[@]}"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# exec: the JVM becomes this process, so Ctrl-C and SIGTERM reach it and it stops everything.
# The launcher hosts Kafka in-process; a bounded heap keeps its footprint predictable.
exec "$java" -Xms64m -Xmx512m -XX:+UseSerialGC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dlocalrun.root="$root" \
  -cp "$launcher:$(cat local-infra/target/classpath.txt)" org.civic.localinfra.LocalRun ${args[@]+"${args[@]}"}
