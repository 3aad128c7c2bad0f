#!/usr/bin/env bash
# Gatehouse's one entry point for developers and CI.
#
#   tools/dev.sh run               install what is needed, build, fill demo data if empty, launch the console
#   tools/dev.sh test [--sanitize] install what is needed, build with -Werror, run every test
#   tools/dev.sh deps | build      the first steps alone
#   tools/dev.sh format-check      clang-format --dry-run over every C++ file in the repository
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian bookworm packages, and nothing installed by hand.
PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qtkeychain-qt6-dev libssl-dev libsqlite3-dev node-llhttp
    fonts-dejavu-core clang-format
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
    local missing=()
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# build DIR [extra cmake arguments...]
build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_WERROR=ON "$@"
    cmake --build "$dir" --parallel "$(nproc)"
}

run_tests() {
    local dir=$1
    # No display and no D-Bus session are needed: GUI tests use the offscreen platform.
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)" --timeout 600
}

format_check() {
    git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
}

command=${1:-}
shift || true
case "$command" in
    deps) deps ;;
    build) deps && build build ;;
    run)
        deps
        build build
        build/app/gatehouse-cli demo --if-empty
        exec build/app/gatehouse "$@"
        ;;
    test)
        deps
        if [ "${1:-}" = "--sanitize" ]; then
            # Debug (-O0): sanitizer builds compile several times faster, and CI has two cores.
            build build-sanitize -DGATEHOUSE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
            export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
            export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
            export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
            run_tests build-sanitize
        else
            build build
            run_tests build
        fi
        ;;
    format-check) deps && format_check ;;
    *)
        sed -n '2,9p' "$0"
        exit 2
        ;;
esac
