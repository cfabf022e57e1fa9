#!/usr/bin/env bash
# Builds storage and the bench module, then runs the benchmarks; arguments go to the bench
# (--quick for a small check, --help for the options). The table goes to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -Xms2g -Xmx2g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  io.mlmd4j.bench.Bench "$@"
