#!/bin/sh
# Runs the JMH micro-benchmarks. Build first: mvn -B -q -DskipTests install (or -pl bench -am package).
# Arguments go to JMH, e.g.: bench/jmh.sh GetAllProcessInfo -f 1 -wi 2 -i 3
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
exec java -cp "$here/target/jsupervisor-bench-0.1.0-SNAPSHOT.jar:$here/target/lib/*" org.openjdk.jmh.Main "$@"
