#!/bin/sh
# Installs the Debian 12 packages loopscope needs to build, run and test.
# Idempotent: packages already present are left alone and apt is not called.
set -eu

PACKAGES="build-essential cmake ninja-build pkg-config
qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 libgl-dev
libqcustomplot-dev libqcustomplot2.1-qt6
libuv1-dev libyaml-dev libhttp-parser-dev libbenchmark-dev
libmozjs-102-dev libicu-dev libssl-dev zlib1g-dev libzstd-dev libbrotli-dev
clang libclang-rt-14-dev
xvfb xauth imagemagick"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "loopscope: installing:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
