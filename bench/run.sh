#!/bin/sh
# The whole issue-10 table from a clean clone, in one command:
#   bench/run.sh                 # builds the distribution (mvn package, nothing installed), then bench/compare.py
#   bench/run.sh --quick         # arguments go to compare.py (--quick, --sweep ..., --markdown FILE, --json FILE)
# BENCH_NO_BUILD=1 skips the build; MVN_ARGS adds Maven options (e.g. MVN_ARGS=-o for an offline build).
# Needs: JDK 17+, Maven, /usr/bin/python3, and the reference supervisord (Debian: apt-get install supervisor).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
    # `package` in the reactor builds every bundle and lays out distribution/target/jsupervisor from the
    # module jars; it never writes to ~/.m2 (no install), so it is safe beside other builds
    (cd "$root" && mvn -B -q ${MVN_ARGS:-} package -DskipTests -pl distribution -am)
fi
python=/usr/bin/python3
[ -x "$python" ] || python=python3
exec "$python" "$here/compare.py" "$@"
