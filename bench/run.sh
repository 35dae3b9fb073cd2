#!/usr/bin/env bash
# The benchmark run (issue 6): this machine's limits (PostgreSQL, Kafka), then ingest, freshness, queries, replay
# and footprint of the packaged services on the local stack, started on free ports under bench/target/run-home.
# Prints every figure as it goes and appends one dated section to docs/benchmarks.md.
# Builds what is missing or out of date first (like deploy/local/start.sh). Full run < 30 minutes; --quick ≈ 5.
#
#   bench/run.sh [--quick] [--only limits,ingest,freshness,queries,replay] [--no-append] [--jfr]
#                [--rebuild | --no-build]     (--no-build: run what is built, even if sources changed since)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

rebuild=false
build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done

jar=bench/target/bench-0.1.0-SNAPSHOT.jar
outputs=("$jar" bench/target/lib deploy/local/target/lib
         referral-service/target/referral-service-runner.jar
         allocation-service/target/allocation-service-runner.jar
         metrics-service/target/metrics-service-runner.jar)
stamp=bench/target/bench-build.stamp

needs_build() {
  $rebuild && return 0
  local output
  if ! $build; then
    for output in "${outputs[@]}"; do
      [ -e "$output" ] || return 0
    done
    return 1
  fi
  for output in "${outputs[@]}"; do
    [ -e "$output" ] || return 0
  done
  [ -e "$stamp" ] || return 0
  [ -n "$(find pom.xml */pom.xml deploy/local/pom.xml */src/main deploy/local/src/main -newer "$stamp" -type f \
    -not -path 'simulator/*' -not -path 'system-tests/*' -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "bench: building the services and the benchmark (./mvnw package -DskipTests) ..."
  began=$(date +%s)
  set +e
  ./mvnw -B -ntp package -DskipTests -pl referral-service,allocation-service,metrics-service,deploy/local,bench -am 2>&1 \
    | grep --line-buffered -E '^\[INFO\] (Building |BUILD)|ERROR'
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 0 ] && mkdir -p bench/target && touch -d "@$began" "$stamp"
  for output in "${outputs[@]}"; do
    if [ ! -e "$output" ]; then
      echo "bench: the build did not produce $output" >&2
      exit 1
    fi
  done
fi

# Run from a copy of the packaged services and the broker's jars, so a build started meanwhile in the checkout
# (mvn clean, package) cannot pull them away mid-run.
snapshot=bench/target/snapshot
rm -rf "$snapshot"
for module in referral-service allocation-service metrics-service; do
  mkdir -p "$snapshot/$module/target"
  # With the times kept, so the class archives recorded next to the jars still match them (ClassArchive).
  cp -p "$module/target/$module-runner.jar" "$snapshot/$module/target/"
  for archive in "$module/target/$module-runner-"*.jsa; do
    if [ -e "$archive" ]; then cp -p "$archive" "$snapshot/$module/target/"; fi
  done
done
mkdir -p "$snapshot/deploy/local/target"
cp -r deploy/local/target/lib "$snapshot/deploy/local/target/"
cp -r bench/target/lib "$snapshot/bench-lib"
cp "$jar" "$snapshot/"

exec java -Xmx1g -XX:+UseParallelGC -Dfrontdoor.root="$root/$snapshot" -Dbench.repo="$root" \
  -cp "$snapshot/$(basename "$jar"):$snapshot/bench-lib/*" org.frontdoor.bench.BenchMain ${args[@]+"${args[@]}"}
