#!/usr/bin/env bash
# Runs the whole Front Door system on this machine, no Docker: a real PostgreSQL and a real Kafka broker
# from Maven artifacts, then referral-service (8081), allocation-service (8082) and metrics-service (8083).
# Builds what is missing or out of date first. Runs in the foreground; Ctrl-C stops everything it started.
# With --demo it also runs the simulator live against the services (options after --demo that the launcher
# does not know go to the simulator, e.g. --demo --surge 3 --absence 0.3).
#
#   deploy/local/start.sh [--rebuild] [--home DIR] [--postgres-port N] [--kafka-port N] [--controller-port N]
#                         [--demo [simulator options]]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

rebuild=false
demo=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --demo) demo=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if ! command -v java >/dev/null 2>&1; then
  echo "Front Door needs a JDK 17 or later on the PATH (java was not found)." >&2
  exit 1
fi

launcher="deploy/local/target/local-stack-0.1.0-SNAPSHOT.jar"
outputs=("$launcher" deploy/local/target/lib
         referral-service/target/referral-service-runner.jar
         allocation-service/target/allocation-service-runner.jar
         metrics-service/target/metrics-service-runner.jar)

# start.sh's own record of its last successful build: Maven leaves an unchanged jar untouched, so the jars'
# times cannot say whether a build is needed. Stamped before the build starts, kept only if it succeeds, so a
# file edited during a build counts as newer.
stamp=deploy/local/target/start-build.stamp
simulator="simulator/target/simulator-0.1.0-SNAPSHOT.jar"
simulator_stamp=simulator/target/start-build.stamp

needs_build() {
  $rebuild && return 0
  local output
  for output in "${outputs[@]}"; do
    [ -e "$output" ] || return 0
  done
  [ -e "$stamp" ] || return 0
  # A source or build file of what runs here changed since the last build: the build is stale. (Other
  # modules, such as the tests, benchmarks and the simulator, do not make the system stale.)
  local module paths=(pom.xml)
  for module in event-contracts clocks service-kit referral-service allocation-service metrics-service deploy/local; do
    paths+=("$module/pom.xml" "$module/src/main")
  done
  [ -n "$(find "${paths[@]}" -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

built=false
simulator_needs_build() {
  $rebuild && ! $built && return 0
  [ -e "$simulator" ] && [ -d simulator/target/lib ] && [ -e "$simulator_stamp" ] || return 0
  [ -n "$(find pom.xml simulator/pom.xml clocks/src/main simulator/src/main -newer "$simulator_stamp" -type f \
    -print -quit 2>/dev/null)" ]
}

# Runs Maven showing only the module headlines and errors; the status is Maven's.
maven() {
  local status
  set +e
  ./mvnw -B -ntp "$@" 2>&1 | grep --line-buffered -E '^\[INFO\] (Building |BUILD)|ERROR'
  status=${PIPESTATUS[0]}
  set -e
  return "$status"
}

if needs_build; then
  built=true
  echo "Front Door: building (the first build downloads dependencies and takes a few minutes) ..."
  began=$(date +%s)
  # What runs here (and the simulator for the demo), with what they depend on: nothing else.
  modules=referral-service,allocation-service,metrics-service,deploy/local
  $demo && modules=$modules,simulator
  if maven package -DskipTests -pl "$modules" -am; then
    touch -d "@$began" "$stamp"
    $demo && touch -d "@$began" "$simulator_stamp"
  fi
  for output in "${outputs[@]}"; do
    if [ ! -e "$output" ]; then
      echo "Front Door: the build did not produce $output; run ./mvnw package -DskipTests to see why." >&2
      exit 1
    fi
  done
fi

if $demo && simulator_needs_build; then
  echo "Front Door: building the simulator ..."
  began=$(date +%s)
  if maven -pl simulator -am package -DskipTests; then
    touch -d "@$began" "$simulator_stamp"
  fi
  if [ ! -e "$simulator" ]; then
    echo "Front Door: the build did not produce $simulator; run ./mvnw -pl simulator -am package -DskipTests to see why." >&2
    exit 1
  fi
fi

exec java -Xmx128m -Dfrontdoor.root="$root" -cp "$launcher:deploy/local/target/lib/*" \
  org.frontdoor.localstack.FrontDoorLocal ${args[@]+"${args[@]}"}
