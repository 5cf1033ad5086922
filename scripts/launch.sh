#!/bin/sh
# Installs what is missing, builds loopscope and opens it on the default scenario.
# With no display, it says so and runs a headless demo instead.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target loopscope

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "loopscope: no display here (DISPLAY is not set), so the window cannot open."
    echo "loopscope: running the headless demo instead: the article's timer example."
    echo
    exec ./build/bin/loopscope run resources/scenarios/timer.yaml --mode event-loop --print-log
fi
exec ./build/bin/loopscope "$@"
