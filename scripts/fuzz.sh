#!/bin/sh
# Builds a fuzzer (clang, libFuzzer, ASan + UBSan) and runs it.
#   scripts/fuzz.sh [SECONDS] [TARGET]   default 600 s of fuzz_scenario_parser
# Targets: fuzz_scenario_parser (seeds: tests/data/good, tests/data/bad and
# resources/scenarios) and fuzz_node_trace (seeds: tests/data/node-traces/*.trace.json).
# The corpus grows in build-fuzz/corpus (build-fuzz/corpus-TARGET for the others);
# crashes, hangs and out-of-memory inputs land in build-fuzz/artifacts/.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
TARGET=${2:-fuzz_scenario_parser}

case "$TARGET" in
    fuzz_scenario_parser) CORPUS=build-fuzz/corpus; SEEDS=build-fuzz/seeds; DICT=fuzz/scenario.dict; MAX_LEN=16384 ;;
    fuzz_node_trace) CORPUS=build-fuzz/corpus-node-trace; SEEDS=build-fuzz/seeds-node-trace; DICT=fuzz/node_trace.dict
                     MAX_LEN=65536 ;;
    *) echo "fuzz.sh: no fuzzer named $TARGET (fuzz_scenario_parser, fuzz_node_trace)" >&2; exit 2 ;;
esac

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DLOOPSCOPE_FUZZ=ON -DLOOPSCOPE_GUI=OFF -DLOOPSCOPE_BENCH=OFF >/dev/null
cmake --build build-fuzz --target "$TARGET" -j 2

mkdir -p "$CORPUS" "$SEEDS" build-fuzz/artifacts
if [ "$TARGET" = fuzz_node_trace ]; then
    cp tests/data/node-traces/*.trace.json "$SEEDS"/
else
    cp tests/data/good/* tests/data/bad/*.yaml resources/scenarios/* "$SEEDS"/ 2>/dev/null || true
fi

ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
"build-fuzz/bin/$TARGET" "$CORPUS" "$SEEDS" \
    -dict="$DICT" -max_total_time="$SECONDS_TO_RUN" -timeout=5 -rss_limit_mb=2048 \
    -max_len="$MAX_LEN" -print_final_stats=1 \
    -artifact_prefix=build-fuzz/artifacts/
