#!/usr/bin/env bash
# Gatehouse's one entry point for developers and CI.
#
#   tools/dev.sh run               install what is needed, build, fill demo data if empty, launch the console
#   tools/dev.sh test [--sanitize] install what is needed, build with -Werror, run every test
#   tools/dev.sh deps | build      the first steps alone
#   tools/dev.sh format-check      clang-format --dry-run over every C++ file in the repository
#   tools/dev.sh fuzz [SECONDS]    build the libFuzzer targets (tests/fuzz) with clang in build-fuzz, replay each
#                                  corpus, then fuzz SECONDS in total (default 60) spread over the targets
#   tools/dev.sh translations-update   lupdate the console's sources into translations/*.ts (then translate)
#   tools/dev.sh translations-check    fail, naming them, if any string of the console is untranslated
#   tools/dev.sh package           the .deb of the programs in build (built if need be) into build-package, its
#                                  desktop metadata validated
#   tools/dev.sh package-smoke     install that .deb with apt, run the installed gateway, remove it (root or sudo)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian bookworm packages, and nothing installed by hand. libsecret-1-0: QtKeychain loads it at run time to reach
# the Secret Service. dbus-daemon (dbus-run-session) and gnome-keyring: the keychain test runs against a real
# Secret Service in a private session bus (tests/support/with-keyring.sh), since CI has none.
PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qtkeychain-qt6-dev libssl-dev libsqlite3-dev node-llhttp
    fonts-dejavu-core clang-format
    libsecret-1-0 dbus-daemon gnome-keyring
)
# node and npm: tests/e2e drives the gateway with the official OpenAI and Anthropic SDKs, installed from the npm
# registry by the test set-up (npm ci). Debian's (Node 18) only where none is on PATH: a machine may bring its own
# Node (CI's image has Node 20 with its npm), and Debian's npm would conflict with it.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
# Only `package` and `package-smoke` need these, so `test` does not install them: dpkg-shlibdeps (dpkg-dev) and
# file, which CPack runs to compute Depends and to find the executables to strip; the two metadata validators;
# curl for the smoke test's requests.
PACKAGE_PACKAGES=(dpkg-dev file desktop-file-utils appstream curl)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# deps [PACKAGE...]: install those of the packages (by default PACKAGES) that are missing.
deps() {
    local missing=()
    [ $# -gt 0 ] || set -- "${PACKAGES[@]}"
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# configure DIR [extra cmake arguments...]
configure() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_WERROR=ON "$@"
}

# build DIR [extra cmake arguments...]: everything, the tests included.
build() {
    configure "$@"
    cmake --build "$1" --parallel "$(nproc)"
}

# The two programs alone (the console and gatehouse-cli): what `run` and `package` need, without the test suite.
build_programs() {
    configure "$@"
    cmake --build "$1" --target gatehouse gatehouse-cli --parallel "$(nproc)"
}

run_tests() {
    local dir=$1
    # No display and no D-Bus session are needed: GUI tests use the offscreen platform.
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)" --timeout 600
}

# The desktop file and the AppStream metainfo as software centres read them; --no-net: CI may have no network.
validate_metadata() {
    desktop-file-validate resources/io.github.gatehouse.Gatehouse.desktop
    appstreamcli validate --no-net --explain resources/io.github.gatehouse.Gatehouse.metainfo.xml
}

package() {
    # The programs of the build that `test` built and tested (RelWithDebInfo, optimised; CPack strips them), so that
    # what ships is what was tested and CI does not compile the tree a third time. Only the .deb goes to
    # build-package/.
    local dir=build-package
    build_programs build
    # A stale .deb from an earlier version would be ambiguous for package-smoke.
    rm -f "$dir"/gatehouse_*.deb
    cpack -G DEB --config build/CPackConfig.cmake -B "$PWD/$dir"
    local debs=("$dir"/gatehouse_*_*.deb)
    [ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "cpack wrote no single gatehouse_*.deb" >&2; exit 1; }
    if dpkg-deb -c "${debs[0]}" | grep -Ei '/(tests?|bench)(/|$)|/test_'; then
        echo "tests are in the package" >&2
        exit 1
    fi
    # Without dpkg-shlibdeps CPack only prints a note and ships the hand-written Depends alone.
    if ! dpkg-deb -f "${debs[0]}" Depends | grep -q 'libqt6core6'; then
        echo "Depends was not computed by dpkg-shlibdeps (is dpkg-dev installed?)" >&2
        exit 1
    fi
    # The tree as shipped: validate-tree also checks that the metainfo's launchable names a packaged desktop file.
    local tree
    tree=$(mktemp -d)
    dpkg-deb -x "${debs[0]}" "$tree"
    desktop-file-validate "$tree"/usr/share/applications/*.desktop
    appstreamcli validate-tree --no-net --explain "$tree" || { rm -rf "$tree"; exit 1; }
    rm -rf "$tree"
    dpkg-deb -I "${debs[0]}"
    dpkg-deb -c "${debs[0]}"
    echo "Package: $PWD/${debs[0]}"
}

# The libFuzzer targets of tests/fuzz (README.md there). Only the sources they need are compiled, with clang, ASan and
# UBSan. First every corpus is replayed (CTest, label fuzz: the inputs that once crashed are there too), then each
# target fuzzes for its share of the time, starting from its corpus; new inputs go to build-fuzz/corpus, never into
# the repository. Any crash, leak, timeout or broken invariant fails, and the input is left in build-fuzz/artifacts.
# FUZZ_SEED=N is CI's gate (not a fuzzing farm): libFuzzer's seed is fixed, and each target runs a fixed number of
# inputs (FUZZ_RUNS, default 40000) from its checked-in corpus alone, instead of a share of the time, so that a slow
# machine fuzzes as deep as a fast one. libFuzzer is not bit-for-bit repeatable (coverage of timestamps and addresses
# varies), so fuzz well beyond that by hand (tools/dev.sh fuzz 1200) before a change to a parser lands.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)
fuzz() {
    local total=${1:-60} dir=build-fuzz
    CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGATEHOUSE_WERROR=ON \
        -DGATEHOUSE_BUILD_TESTS=OFF -DGATEHOUSE_FUZZ=ON
    cmake --build "$dir" --target gatehouse-fuzzers --parallel "$(nproc)"
    ctest --test-dir "$dir" -L fuzz --output-on-failure --parallel "$(nproc)"
    local targets
    mapfile -t targets < <(find tests/fuzz/corpus -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
    local each=$((total / ${#targets[@]}))
    [ "$each" -ge 1 ] || each=1
    mkdir -p "$dir/artifacts"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    local corpus=$dir/corpus limit
    if [ -n "${FUZZ_SEED:-}" ]; then
        corpus=$dir/corpus-seeded
        rm -rf "$corpus"
    fi
    for target in "${targets[@]}"; do
        mkdir -p "$corpus/$target"
        if [ -n "${FUZZ_SEED:-}" ]; then
            limit=(-seed="$FUZZ_SEED" -runs="${FUZZ_RUNS:-40000}")
            echo "fuzz: $target, ${FUZZ_RUNS:-40000} inputs from seed $FUZZ_SEED"
        else
            limit=(-max_total_time="$each")
            echo "fuzz: $target for ${each}s"
        fi
        if ! "$dir/tests/fuzz/$target" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$dir/artifacts/$target-" "$corpus/$target" "tests/fuzz/corpus/$target" \
            >"$dir/artifacts/$target.log" 2>&1; then
            tail -n 60 "$dir/artifacts/$target.log" >&2
            echo "fuzz: $target failed; the input is in $dir/artifacts/. Once fixed, copy it to" \
                "tests/fuzz/corpus/$target/ so that every later run replays it (tests/fuzz/README.md)." >&2
            return 1
        fi
        grep -E '^stat::number_of_executed_units' "$dir/artifacts/$target.log" || true
    done
    echo "fuzz: ${#targets[@]} targets, no crash"
}

format_check() {
    git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
}

# The console's translations (translations/README.md). lupdate reads ui/ and app/console with the project root as
# include path: without it tr()'s context would lack the namespace that the running class reports. No line numbers
# (-locations none): every edit of a source would otherwise touch both files and make merges conflict.
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
TS_FILES=(translations/gatehouse_de.ts translations/gatehouse_zh_CN.ts)
lupdate_into() {
    "$LUPDATE" -silent -locations none -I . ui app/console "$@"
}

# Every message of the .ts files named that is not done: new or changed (unfinished), or gone from the sources but
# still kept (vanished, obsolete), or finished with an empty text. Prints "file: context: source [state]" lines.
unfinished_messages() {
    awk '
        /<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); context = $0 }
        /<source>/ { line = $0; sub(/.*<source>/, "", line); sub(/<\/source>.*/, "", line); source = line }
        /<translation/ {
            state = ""
            if (match($0, /type="(unfinished|vanished|obsolete)"/)) state = substr($0, RSTART + 6, RLENGTH - 7)
            else if ($0 ~ /<translation><\/translation>/) state = "empty"
            if (state != "") print FILENAME ": " context ": " source " [" state "]"
        }
        /<numerusform><\/numerusform>/ { print FILENAME ": " context ": " source " [empty plural form]" }
    ' "$@"
}

translations_update() {
    lupdate_into -no-obsolete -ts "${TS_FILES[@]}"
    local left
    left=$(unfinished_messages "${TS_FILES[@]}")
    if [ -n "$left" ]; then
        echo "$left"
        echo "$(echo "$left" | wc -l) message(s) to translate: fill in their <translation> elements (or use Qt" \
            "Linguist, /usr/lib/qt6/bin/linguist from linguist-qt6), then run tools/dev.sh translations-check" >&2
    else
        echo "Every message is translated."
    fi
}

# lupdate into copies, so that a string added to the sources since the last update fails too, not only the
# stored files' own unfinished entries.
translations_check() {
    local tmp status=0
    tmp=$(mktemp -d)
    local copies=()
    for ts in "${TS_FILES[@]}"; do
        [ -f "$ts" ] || { echo "$ts is missing" >&2; rm -rf "$tmp"; return 1; }
        cp "$ts" "$tmp/"
        copies+=("$tmp/$(basename "$ts")")
    done
    lupdate_into -ts "${copies[@]}"
    local left
    left=$(cd "$tmp" && unfinished_messages ./*.ts | sed 's|^\./|translations/|')
    if [ -n "$left" ]; then
        echo "$left" >&2
        echo "translations-check: $(echo "$left" | wc -l) message(s) not translated; run tools/dev.sh" \
            "translations-update and translate them (translations/README.md)" >&2
        status=1
    else
        echo "translations-check: every message of ${TS_FILES[*]} is translated"
    fi
    rm -rf "$tmp"
    return $status
}

command=${1:-}
shift || true
case "$command" in
    deps) deps ;;
    build) deps && build build ;;
    run)
        deps
        build_programs build
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
    fuzz)
        deps
        deps "${FUZZ_PACKAGES[@]}"
        fuzz "$@"
        ;;
    translations-update) deps qt6-l10n-tools && translations_update ;;
    translations-check) deps qt6-l10n-tools && translations_check ;;
    package)
        deps
        deps "${PACKAGE_PACKAGES[@]}"
        validate_metadata
        package
        ;;
    package-smoke)
        deps curl
        exec packaging/smoke-test.sh "$@"
        ;;
    *)
        sed -n '2,15p' "$0"
        exit 2
        ;;
esac
