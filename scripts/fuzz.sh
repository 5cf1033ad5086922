#!/bin/sh
# Builds a libFuzzer target (clang, ASan + UBSan) and runs it.
#   scripts/fuzz.sh [TARGET] [SECONDS]   (in either order)
#     TARGET: scenario_parser (default), run_file or node_trace (fuzz_ prefix optional)
#     SECONDS: default 600
# Seeds: scenario_parser tests/data/good, tests/data/bad and resources/scenarios; run_file
# the real run files in tests/data/runs; node_trace the traces in tests/data/node-traces.
# The corpus grows in build-fuzz/corpus (build-fuzz/corpus-TARGET for the others); crashes,
# hangs and out-of-memory inputs land in build-fuzz/artifacts/ (artifacts-TARGET/).
set -eu
cd "$(dirname "$0")/.."
TARGET=scenario_parser
SECONDS_TO_RUN=600
for argument in "$@"; do
    case "$argument" in
        ''|*[!0-9]*) TARGET=${argument#fuzz_} ;;
        *) SECONDS_TO_RUN=$argument ;;
    esac
done

case "$TARGET" in
    scenario_parser)
        SEEDS="tests/data/good/* tests/data/bad/*.yaml resources/scenarios/*"
        EXTRA="-dict=fuzz/scenario.dict -max_len=16384" ;;
    run_file)
        SEEDS="tests/data/runs/*.lsrun"
        EXTRA="-max_len=65536" ;;
    node_trace)
        SEEDS="tests/data/node-traces/*.trace.json"
        EXTRA="-dict=fuzz/node_trace.dict -max_len=65536" ;;
    *)
        echo "fuzz.sh: unknown target '$TARGET' (scenario_parser, run_file, node_trace)" >&2
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
