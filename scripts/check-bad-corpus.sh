#!/bin/sh
# Runs `loopscope check` on every file of tests/data/bad and fails unless each one exits
# with code 1, within a second, printing its expected first line and no sanitizer report.
#   scripts/check-bad-corpus.sh [BINARY]      default build/bin/loopscope
set -u
cd "$(dirname "$0")/.."
BINARY=${1:-build/bin/loopscope}
failures=0
count=0
slowest=0
for scenario in tests/data/bad/*.yaml tests/data/bad/*.json; do
    [ -e "$scenario" ] || continue
    count=$((count + 1))
    expected="tests/data/bad/$(cat "${scenario%.*}.expected")"
    start=$(date +%s%N)
    stderr=$(timeout 10 "$BINARY" check "$scenario" 2>&1 >/dev/null)
    code=$?
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    [ "$elapsed" -gt "$slowest" ] && slowest=$elapsed
    first=$(printf '%s\n' "$stderr" | head -n 1)
    problem=""
    [ "$code" -eq 1 ] || problem="exit code $code"
    [ "$elapsed" -lt 1000 ] || problem="$problem; took ${elapsed} ms"
    [ "$first" = "$expected" ] || problem="$problem; first line: $first"
    if printf '%s' "$stderr" | grep -q -e 'Sanitizer' -e 'runtime error:'; then
        problem="$problem; sanitizer report"
    fi
    if [ -n "$problem" ]; then
        echo "FAIL $scenario: $problem"
        failures=$((failures + 1))
    fi
done
echo "$count bad scenarios, $failures failures, slowest ${slowest} ms"
[ "$failures" -eq 0 ]
