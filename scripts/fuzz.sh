#!/bin/sh
# Builds a libFuzzer target (clang, ASan + UBSan) and runs it.
#   scripts/fuzz.sh [TARGET] [SECONDS]      TARGET: scenario_parser (default) or run_file;
#                                           SECONDS: default 600
# Seeds: for scenario_parser tests/data/good, tests/data/bad and resources/scenarios; for
# run_file the real run files in tests/data/runs. The corpus grows in build-fuzz/corpus
# (build-fuzz/corpus-run_file for run_file); crashes, hangs and out-of-memory inputs land
# in build-fuzz/artifacts/ (build-fuzz/artifacts-run_file/).
set -eu
cd "$(dirname "$0")/.."
TARGET=scenario_parser
case "${1:-}" in
    ''|*[!0-9]*) TARGET=${1:-$TARGET}; [ $# -gt 0 ] && shift ;;
esac
SECONDS_TO_RUN=${1:-600}

case "$TARGET" in
    scenario_parser)
        SEEDS="tests/data/good/* tests/data/bad/*.yaml resources/scenarios/*"
        EXTRA="-dict=fuzz/scenario.dict -max_len=16384" ;;
    run_file)
        SEEDS="tests/data/runs/*.lsrun"
        EXTRA="-max_len=65536" ;;
    *)
        echo "fuzz.sh: unknown target '$TARGET' (scenario_parser, run_file)" >&2
        exit 1 ;;
esac

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DLOOPSCOPE_FUZZ=ON -DLOOPSCOPE_GUI=OFF -DLOOPSCOPE_BENCH=OFF >/dev/null
cmake --build build-fuzz --target "fuzz_$TARGET" -j 2

SUFFIX=
[ "$TARGET" = scenario_parser ] || SUFFIX=-$TARGET
mkdir -p "build-fuzz/corpus$SUFFIX" "build-fuzz/seeds$SUFFIX" "build-fuzz/artifacts$SUFFIX"
# shellcheck disable=SC2086
cp $SEEDS "build-fuzz/seeds$SUFFIX/" 2>/dev/null || true

# shellcheck disable=SC2086
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
"build-fuzz/bin/fuzz_$TARGET" "build-fuzz/corpus$SUFFIX" "build-fuzz/seeds$SUFFIX" \
    $EXTRA -max_total_time="$SECONDS_TO_RUN" -timeout=5 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts$SUFFIX/"
