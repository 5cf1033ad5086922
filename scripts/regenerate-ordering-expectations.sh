#!/bin/sh
# Rewrites tests/data/ordering/NAME.expected from what real Node prints for NAME.js or
# NAME.mjs. For maintainers only: the tests compare against the stored files and never
# run node. Each program runs RUNS times (default 5); a program whose output differs
# between runs is reported and its .expected is left untouched.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
data="$here/tests/data/ordering"
runs=${RUNS:-5}
node=${NODE:-node}
status=0

command -v "$node" >/dev/null || { echo "error: '$node' not found" >&2; exit 1; }
echo "using $("$node" --version)"

for program in "$data"/*.js "$data"/*.mjs; do
    [ -e "$program" ] || continue
    name=${program%.*}
    first=$(mktemp)
    "$node" "$program" >"$first"
    stable=yes
    i=1
    while [ "$i" -lt "$runs" ]; do
        again=$(mktemp)
        "$node" "$program" >"$again"
        if ! cmp -s "$first" "$again"; then
            stable=no
            diff "$first" "$again" >&2 || true
        fi
        rm -f "$again"
        i=$((i + 1))
    done
    if [ "$stable" = yes ]; then
        mv "$first" "$name.expected"
        echo "ok    $(basename "$name")"
    else
        rm -f "$first"
        echo "error: $(basename "$program") prints different lines from run to run" >&2
        status=1
    fi
done
exit $status
