#!/usr/bin/env bash
# The README's two commands, for a fresh Debian 12 machine (root, apt):
#   ./edusync.sh demo   install what is missing, build (Release), inspect the bundled sample
#   ./edusync.sh test   install what is missing, build, run every test tier:
#                       1. Release build with warnings as errors + the whole ctest suite
#                       2. ASan/UBSan build + the whole ctest suite
#                       3. libFuzzer targets (clang), each run briefly (EDUSYNC_FUZZ_SECONDS, 30)
#   ./edusync.sh bench  run the benchmarks (long; writes bench/out/, see bench/RESULTS.md)
# Both are idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages, one per need (see README "Dependencies").
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libxml2-dev libxml2-utils libzip-dev zip unzip nettle-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev
  clang libclang-rt-14-dev time python3-jsonschema chromium sqlite3 libsqlite3-dev libyaml-cpp-dev libicu-dev
)

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
}

jobs() { nproc 2>/dev/null || echo 2; }

# build DIR [cmake options...]
build() {
  local dir=$1
  shift
  cmake -S . -B "build/$dir" -G Ninja "$@" >/dev/null
  cmake --build "build/$dir" -j "$(jobs)"
}

run_ctest() {
  ctest --test-dir "build/$1" --output-on-failure -j "$(jobs)" --timeout 600
}

cmd_demo() {
  install_missing
  log "building (Release)"
  build release -DCMAKE_BUILD_TYPE=Release
  log "edusync inspect on the bundled sample (samples/college, one synthetic collège)"
  ./build/release/daemon/edusync inspect samples/college/*.zip samples/college/*.xml
  echo
  echo "binary: $(pwd)/build/release/daemon/edusync   (JSON: add --json)"
}

cmd_test() {
  install_missing
  log "tier 1: Release build, warnings as errors, all tests"
  build release -DCMAKE_BUILD_TYPE=Release -DEDUSYNC_WERROR=ON
  run_ctest release
  log "tier 2: AddressSanitizer + UndefinedBehaviorSanitizer build, all tests"
  build sanitize -DCMAKE_BUILD_TYPE=Debug -DEDUSYNC_SANITIZE=ON -DEDUSYNC_BENCH=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest sanitize
  log "tier 3: libFuzzer targets, ${EDUSYNC_FUZZ_SECONDS:-30} s each"
  build fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DEDUSYNC_FUZZ=ON \
    -DEDUSYNC_TESTS=OFF -DEDUSYNC_BENCH=OFF
  tests/fuzz/run.sh build/fuzz "${EDUSYNC_FUZZ_SECONDS:-30}"
  log "all test tiers passed"
}

cmd_bench() {
  install_missing
  build release -DCMAKE_BUILD_TYPE=Release
  bench/run.sh build/release
}

case "${1:-}" in
  demo) cmd_demo ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  *)
    echo "usage: $0 demo|test|bench" >&2
    exit 2
    ;;
esac
