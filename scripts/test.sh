#!/bin/sh
# Installs what is missing, builds loopscope and runs every test through CTest:
#   1. the normal build: all tests (GUI tests on Qt's offscreen platform);
#   2. AddressSanitizer + UndefinedBehaviorSanitizer: the core tests and the JavaScript engine's;
#   3. ThreadSanitizer: the engine tests.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
JOBS=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$JOBS"
# One test at a time: the engine tests measure real time and must not share the
# two cores with another test.
ctest --test-dir build --output-on-failure -j 1

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLOOPSCOPE_ASAN=ON \
      -DLOOPSCOPE_GUI=OFF -DLOOPSCOPE_BENCH=OFF >/dev/null
cmake --build build-asan -j "$JOBS"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -L 'core|javascript' -j "$JOBS"

cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOOPSCOPE_TSAN=ON \
      -DLOOPSCOPE_GUI=OFF -DLOOPSCOPE_BENCH=OFF >/dev/null
cmake --build build-tsan -j "$JOBS"
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    ctest --test-dir build-tsan --output-on-failure -L engine -j 1
echo "loopscope: all tests passed"
