#!/usr/bin/env bash
# Runs the libFuzzer targets of a fuzz build, one after the other, for SECONDS each:
#   tests/fuzz/run.sh BUILD_DIR SECONDS        (e.g. tests/fuzz/run.sh build/fuzz 30)
# BUILD_DIR comes from: cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++
#   -DEDUSYNC_FUZZ=ON -DEDUSYNC_TESTS=OFF -DEDUSYNC_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
#
# Seed corpora are rebuilt at each run in BUILD_DIR/corpus/<fuzzer>/ from committed files,
# sorted by root element: tests/data/handmade/*.xml, tests/fuzz/seeds/*.xml, and samples/
# (*.xml, and the XML members of *.zip) when present. UDT members have no known root: they go
# by name (UDCal_*.xml, seeds/udt_*.xml); UDT course files are seeds/*.csv and samples' *.csv. What the fuzzers find stays there, so
# that later runs start from it. Crashes, leaks, timeouts and out-of-memory inputs are written
# to BUILD_DIR/crashes/, full logs to BUILD_DIR/logs/. Prints one line per fuzzer; exits 1 if
# any fuzzer found something. Reproduce a finding with: BUILD_DIR/tests/fuzz/<fuzzer> FILE
set -euo pipefail

if [ $# -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]] || [ "$2" -lt 1 ]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "$1" && pwd)
duration=$2
fuzz_dir=$source_dir/tests/fuzz
max_len=65536

fuzzers=(eleves responsables structures nomenclatures sts edt udt edt_courses udt_courses
  index_container)
declare -A fuzzer_of_root=(
  [BEE_ELEVES]=eleves
  [BEE_RESPONSABLES]=responsables
  [BEE_STRUCTURES]=structures
  [BEE_NOMENCLATURES]=nomenclatures
  [STS_EDT]=sts
  [ExportEmploiDuTemps]=edt
  [TABLE]=edt_courses
  [EXPORT_INDEX_EDUCATION]=index_container
)

for name in "${fuzzers[@]}"; do
  if [ ! -x "$build_dir/tests/fuzz/fuzz_$name" ]; then
    echo "$0: $build_dir/tests/fuzz/fuzz_$name missing: build with -DEDUSYNC_FUZZ=ON first" >&2
    exit 2
  fi
done

corpus_dir=$build_dir/corpus
crash_dir=$build_dir/crashes
log_dir=$build_dir/logs
mkdir -p "$crash_dir" "$log_dir"
for name in "${fuzzers[@]}"; do mkdir -p "$corpus_dir/$name"; done

# The name of the first element of an XML document (on stdin), or nothing.
root_element() {
  local head
  head=$(LC_ALL=C head -c 4096 | LC_ALL=C tr -d '\000') || true
  if [[ $head =~ \<([A-Za-z_][A-Za-z0-9_.-]*) ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  fi
}

# add_seed FILE LABEL: copies an XML document into the corpus of the fuzzer of its root, twice:
# read in one piece (selector byte 0x80) and in pieces of 7 bytes (0x06). See fuzz_export.cpp.
seeds=0
add_seed() {
  local file=$1 label=$2 root name
  root=$(root_element <"$file")
  name=
  [ -z "$root" ] || name=${fuzzer_of_root[$root]:-}  # a CSV has no root: an empty key is an error
  case ${label,,} in
    *udcal_*.xml | *udt_*.xml) name=udt ;;
    *.csv) name=udt_courses ;;
  esac
  [ -n "$name" ] || return 0
  { printf '\x80'; LC_ALL=C head -c $((max_len - 1)) "$file"; } >"$corpus_dir/$name/seed-$label"
  { printf '\x06'; LC_ALL=C head -c $((max_len - 1)) "$file"; } >"$corpus_dir/$name/seed-7-$label"
  seeds=$((seeds + 2))
}

# Flattens a path into a file name: samples/college/Eleves.xml -> samples_college_Eleves.xml
label_of() {
  local label=${1#"$source_dir"/}
  printf '%s' "${label//[^A-Za-z0-9._-]/_}"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for file in "$source_dir"/tests/data/handmade/*.xml "$fuzz_dir"/seeds/*.xml "$fuzz_dir"/seeds/*.csv; do
  [ -f "$file" ] && add_seed "$file" "$(label_of "$file")"
done
if [ -d "$source_dir/samples" ]; then
  while IFS= read -r -d '' file; do
    add_seed "$file" "$(label_of "$file")"
  done < <(find "$source_dir/samples" -type f \( -iname '*.xml' -o -iname '*.csv' \) -print0 2>/dev/null)
  while IFS= read -r -d '' archive; do
    while IFS= read -r member; do
      case $member in */ | __MACOSX/* | .* | */.*) continue ;; esac
      # Only the start of a member is kept (max_len); unzip may die of SIGPIPE, that is fine.
      { unzip -p "$archive" "$member" 2>/dev/null || true; } | LC_ALL=C head -c $((max_len - 1)) \
        >"$work/member" || true
      add_seed "$work/member" "$(label_of "$archive")_$(label_of "$member")"
    done < <(unzip -Z1 "$archive" 2>/dev/null | grep -i '\.xml$' || true)
  done < <(find "$source_dir/samples" -type f -iname '*.zip' -print0 2>/dev/null)
fi
echo "fuzz: $seeds seed inputs; ${duration} s per fuzzer; findings in $crash_dir"

# The value after "key:" in libFuzzer's final statistics, or "?".
final_stat() {
  local value
  value=$(sed -n "s/^stat::$1: *\([0-9]*\).*/\1/p" "$2" | tail -n 1) || true
  printf '%s' "${value:-?}"
}

failed=0
for name in "${fuzzers[@]}"; do
  log=$log_dir/fuzz_$name.log
  before=$(find "$crash_dir" -maxdepth 1 -type f -name "fuzz_$name-*" | wc -l)
  status=0
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$build_dir/tests/fuzz/fuzz_$name" \
    -max_total_time="$duration" -rss_limit_mb=2048 -max_len=$max_len -timeout=10 \
    -dict="$fuzz_dir/siecle.dict" -artifact_prefix="$crash_dir/fuzz_$name-" \
    -print_final_stats=1 "$corpus_dir/$name" </dev/null >"$log" 2>&1 || status=$?
  after=$(find "$crash_dir" -maxdepth 1 -type f -name "fuzz_$name-*" | wc -l)

  # Last progress line: "#123456 REDUCE cov: 1234 ft: 5678 corp: 345/67Kb ..."
  progress=$(grep -E '^#[0-9]+' "$log" | tail -n 1) || true
  coverage=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$progress")
  features=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$progress")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$progress")
  verdict=ok
  if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
    verdict="FOUND SOMETHING (exit $status; see $log and $crash_dir/fuzz_$name-*)"
    failed=1
  fi
  printf 'fuzz_%-14s %10s execs  %6s exec/s  cov %5s  ft %6s  corpus %5s  peak %4s MB  %s\n' \
    "$name" "$(final_stat number_of_executed_units "$log")" \
    "$(final_stat average_exec_per_sec "$log")" "${coverage:-?}" "${features:-?}" \
    "${corpus:-?}" "$(final_stat peak_rss_mb "$log")" "$verdict"
done

if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED, findings above" >&2
  exit 1
fi
echo "fuzz: no crash, leak, timeout or out-of-memory"
