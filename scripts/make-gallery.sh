#!/bin/sh
# Draws one timeline picture per built-in scenario into docs/gallery/, with no display.
# Usage: scripts/make-gallery.sh [build/bin/loopscope [OUTPUT_DIR]]   (OUTPUT_DIR: docs/gallery)
# Run it on an idle machine: the pictures show measured times.
set -eu
loopscope=${1:-build/bin/loopscope}
out=${2:-docs/gallery}
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$out"
for scenario in resources/scenarios/*.yaml; do
    name=$(basename "$scenario" .yaml)
    echo "gallery: $name" >&2
    "$loopscope" run "$scenario" --mode event-loop --png "$out/$name.png" --width 1600 --height 900
done
