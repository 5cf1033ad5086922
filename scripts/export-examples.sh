#!/bin/sh
# Regenerates the example pictures in docs/export/ from real runs, with no display.
# Usage: scripts/export-examples.sh [build/bin/loopscope [OUTPUT_DIR]]   (OUTPUT_DIR: docs/export)
# The loop-view pictures show t = 230 ms, inside the second wave of the thread-pool
# scenario on an idle 2-core machine (waves end near 160 and 290 ms); on a busy machine
# the waves stretch, so pass another moment in AT (e.g. AT=600ms).
set -eu
loopscope=${1:-build/bin/loopscope}
at=${AT:-230ms}
out=${2:-docs/export}
pool=resources/scenarios/thread-pool.yaml
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$out"
"$loopscope" run "$pool" --png "$out/thread-pool-timeline.png" --svg "$out/thread-pool-timeline.svg" \
    --pdf "$out/thread-pool-timeline.pdf"
"$loopscope" run "$pool" --view loop --at "$at" --png "$out/thread-pool-loop.png" \
    --svg "$out/thread-pool-loop.svg" --pdf "$out/thread-pool-loop.pdf"
"$loopscope" run "$pool" --view loop --at "$at" --theme dark --png "$out/thread-pool-loop-dark.png"
"$loopscope" run resources/scenarios/three-users-file-server.yaml --view comparison \
    --png "$out/three-users-comparison.png" --svg "$out/three-users-comparison.svg"
"$loopscope" run resources/scenarios/three-users-file-server.yaml --mode both --theme print \
    --png "$out/three-users-timeline-print.png"
