#!/bin/sh
# Builds the scenario-parser fuzzer (clang, libFuzzer, ASan + UBSan) and runs it.
#   scripts/fuzz.sh [SECONDS]          default 600
# Seeds: tests/data/good, tests/data/bad and resources/scenarios. The corpus grows in
# build-fuzz/corpus; crashes, hangs and out-of-memory inputs land in build-fuzz/artifacts/.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DLOOPSCOPE_FUZZ=ON -DLOOPSCOPE_GUI=OFF -DLOOPSCOPE_BENCH=OFF >/dev/null
cmake --build build-fuzz --target fuzz_scenario_parser -j 2

mkdir -p build-fuzz/corpus build-fuzz/seeds build-fuzz/artifacts
cp tests/data/good/* tests/data/bad/*.yaml resources/scenarios/* build-fuzz/seeds/ 2>/dev/null || true

ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
build-fuzz/bin/fuzz_scenario_parser build-fuzz/corpus build-fuzz/seeds \
    -dict=fuzz/scenario.dict -max_total_time="$SECONDS_TO_RUN" -timeout=5 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/artifacts/
