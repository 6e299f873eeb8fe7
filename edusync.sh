#!/usr/bin/env bash
# The README's two commands, for a fresh Debian 12 machine (root, apt):
#   ./edusync.sh demo   install what is missing, build (Release), inspect the bundled sample
#   ./edusync.sh test   install what is missing, build, run every test tier:
#                       0. every C++ file formatted as .clang-format says; the systemd
#                          units accepted and hardened (exposure 2.0 or less)
#                       1. Release build with warnings as errors + the whole ctest suite
#                       1b. clang-tidy (.clang-tidy) on every translation unit, findings fail
#                       2. ASan/UBSan build + the whole ctest suite
#                       3. libFuzzer targets (clang), each run briefly (EDUSYNC_FUZZ_SECONDS, 30)
#   ./edusync.sh bench  run the benchmarks (long; writes bench/out/, see bench/RESULTS.md)
# Both are idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages, one per need (see README "Dependencies").
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libxml2-dev libxml2-utils libzip-dev zip unzip nettle-dev libssl-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev
  clang libclang-rt-14-dev time python3-jsonschema chromium sqlite3 libsqlite3-dev libyaml-cpp-dev libicu-dev
  slapd ldap-utils libldap-dev libboost-dev clang-format clang-tidy libspdlog-dev libsystemd-dev systemd
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

# build DIR [cmake options...] [-- targets...]
build() {
  local dir=$1 options=() targets=()
  shift
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift && targets=("$@")
  cmake -S . -B "build/$dir" -G Ninja "${options[@]}" >/dev/null
  if [ ${#targets[@]} -gt 0 ]; then
    cmake --build "build/$dir" -j "$(jobs)" --target "${targets[@]}"
  else
    cmake --build "build/$dir" -j "$(jobs)"
  fi
}

run_ctest() {
  ctest --test-dir "build/$1" --output-on-failure -j "$(jobs)" --timeout 600
}

# A demo school under build/demo: its inbox, its state, an audit journal, the four file targets
# (KOXO, ENT, Pix Orga, Éléa) writing under build/demo/out, and a throw-away SambaEdu directory
# (slapd on a free loopback port).
DEMO_BASE="ou=clg-demo,ou=ac-lyon,ou=education,o=gouv,c=fr"
write_demo_config() {
  local dir=$1 uri=$2
  cat >"$dir/edusync.yaml" <<YAML
school: {uai: 0069500U, name: "Collège de démonstration"}
state_dir: $dir/state
inbox: $dir/inbox
control_socket: $dir/control.sock
connectors:
  - {name: audit, type: journal, path: $dir/journal.jsonl}
  - {name: koxo, type: koxo-csv, dir: $dir/out/koxo}
  - {name: ent, type: ent-csv, dir: $dir/out/ent, zip: true}
  - {name: pix, type: pix-orga, dir: $dir/out/pix}
  - {name: elea, type: elea-csv, dir: $dir/out/elea}
  - {name: sambaedu, type: ldap-sambaedu, uri: "$uri", base_dn: "$DEMO_BASE",
     bind_dn: "cn=admin,$DEMO_BASE", bind_password_file: $dir/slapd/bind.secret,
     mail_domain: clg-demo.ac-lyon.fr}
YAML
}

# The demo's throw-away slapd (tools/slapd/throwaway.sh), under DIR/slapd; stopped by the
# demo's EXIT trap.
# shellcheck source=tools/slapd/throwaway.sh
EDUSYNC_ROOT=$(pwd)
. tools/slapd/throwaway.sh
start_demo_slapd() { throwaway_slapd_start "$1/slapd" "$DEMO_BASE" clg-demo demo-admin-secret; }
stop_demo_slapd() { throwaway_slapd_stop "$1/slapd"; }

# Counts per branch, one account and one class group, as ldapsearch shows them (no password).
show_demo_directory() {
  local dir=$1 uri=$2 ou
  local search=(ldapsearch -x -LLL -o ldif-wrap=no -H "$uri" -D "cn=admin,$DEMO_BASE" -y "$dir/slapd/bind.secret")
  for ou in People Groups Trash; do
    echo "ou=$ou: $("${search[@]}" -b "ou=$ou,$DEMO_BASE" -s one 1.1 2>/dev/null | grep -c '^dn:') entrées"
  done
  echo
  "${search[@]}" -z 1 -b "ou=People,$DEMO_BASE" -s one '(employeeNumber=0*)' 2>/dev/null \
    objectClass uid cn sn givenName initials mail uidNumber gidNumber homeDirectory loginShell gecos employeeNumber \
    sambaSID sambaPrimaryGroupSID sambaAcctFlags shadowLastChange | grep -v '^# \|^$' || true
  echo
  "${search[@]}" -z 1 -b "ou=Groups,$DEMO_BASE" -s one '(cn=Classe_*)' 2>/dev/null | grep -v '^# \|^$' || true
}

drop_exports() {
  local from=$1 inbox=$2
  rm -rf "$inbox" && mkdir -p "$inbox"
  cp "$from"/*.xml "$inbox"/ 2>/dev/null || true
  cp "$from"/*.zip "$inbox"/ 2>/dev/null || true
}

# Step 7 of the demo: the same school run by the service. Started on the demo's state, it reads
# the exports already in the inbox at once; then a fresh drop makes one more run; `ctl status`
# before and after; SIGTERM stops it.
demo_service() {
  local edusync=$1 dir=$2 pid config="$dir/edusync.yaml"
  log "7. the service: edusync daemon on the same state, control socket $dir/control.sock"
  "$edusync" --config "$config" daemon --settle-ms 500 --today 2026-01-30 >"$dir/daemon.log" 2>&1 &
  pid=$!
  demo_wait_idle "$edusync" "$config" 1
  "$edusync" --config "$config" ctl status
  log "7b. a fresh STS-web export dropped in the inbox: the service runs it once it has settled"
  cp samples/college-next/sts_emp_*.xml "$dir/inbox/"
  demo_wait_idle "$edusync" "$config" 2
  "$edusync" --config "$config" ctl status
  "$edusync" --config "$config" ctl runs 3
  kill -TERM "$pid" && wait "$pid"
  echo "service stopped (exit $?); its log: $dir/daemon.log"
}

# Waits (30 s at most) until the service has finished COUNT runs of its own (the runs of
# `edusync run` before it have no trigger) and runs nothing.
demo_wait_idle() {
  local edusync=$1 config=$2 count=$3 i
  for i in $(seq 1 150); do
    if "$edusync" --config "$config" ctl --json runs 100 2>/dev/null | python3 -c '
import json, sys
answer = json.load(sys.stdin)
runs = answer["runs"]
done = [r for r in runs if r["trigger"] is not None and r["status"] != "running"]
running = [r for r in runs if r["status"] == "running"]
sys.exit(0 if len(done) >= int(sys.argv[1]) and not running else 1)' \
      "$count" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "the service did not finish its run in time; its log: $(dirname "$config")/daemon.log" >&2
  return 1
}

# Reads `edusync inspect --json` on stdin; prints the model's memberships and services counted
# by kind of structure and origin (siecle, sts, edt, udt, edt-courses...).
count_origins() {
  python3 -c 'import collections, json, sys
model = json.load(sys.stdin)["model"]
for what in ("memberships", "services"):
    counts = collections.Counter((m["structure_kind"], m["origin"]) for m in model[what])
    print("  " + what + ": " + ", ".join(f"{n} {kind} from {origin}" for (kind, origin), n in sorted(counts.items())))'
}

# Step 8 of the demo: the same collège with its timetable exports (samples/college-timetables):
# the encrypted EDT export opened with the sample's throw-away partner key, the UDT zip and the
# course files joined with SIECLE and STS-web, and what they disagree on.
demo_timetables() {
  local edusync=$1
  log "8. timetables: EDT (encrypted, opened with the partner key), UDT and course files joined with SIECLE and STS-web"
  # One line per call: the unit tests run each `inspect` of this script as written, up to its pipe.
  "$edusync" inspect --edt-key samples/college-timetables/edt_partner_key.pem samples/college-timetables/ExportXML_*.zip samples/college-timetables/Responsables*.xml samples/college-timetables/Structures.xml samples/college-timetables/Nomenclature.xml samples/college-timetables/sts_emp_*.xml samples/college-timetables/0069500U_EXPORT_INDEX_EDUCATION.xml samples/college-timetables/*_UDT.zip samples/college-timetables/EXP_COURS.xml samples/college-timetables/*.csv | sed -n '/^Annuaire/,/^Ce que/p' | sed '$d'
  log "8b. memberships and services by origin (inspect --json, model): EDT, then UDT, then the course files, each with SIECLE and STS-web"
  "$edusync" inspect --json --edt-key samples/college-timetables/edt_partner_key.pem samples/college-timetables/ExportXML_*.zip samples/college-timetables/Structures.xml samples/college-timetables/sts_emp_*.xml samples/college-timetables/0069500U_EXPORT_INDEX_EDUCATION.xml | count_origins
  "$edusync" inspect --json samples/college-timetables/ExportXML_*.zip samples/college-timetables/Structures.xml samples/college-timetables/sts_emp_*.xml samples/college-timetables/*_UDT.zip | count_origins
  "$edusync" inspect --json samples/college-timetables/ExportXML_*.zip samples/college-timetables/Structures.xml samples/college-timetables/sts_emp_*.xml samples/college-timetables/EXP_COURS.xml samples/college-timetables/*.csv | count_origins
  demo_timetable_run "$edusync" "$(pwd)/build/demo/timetables"
}

# Step 8c: a first run of the collège with its sealed EDT export in the inbox, on a state of its
# own, writing the ENT and Éléa files: the group made in EDT (3 LAT-EDT) reaches both.
demo_timetable_run() {
  local edusync=$1 dir=$2 sample=samples/college-timetables
  log "8c. a run with the sealed EDT export in the inbox: the group EDT made (3 LAT-EDT) in the ENT and Éléa files"
  rm -rf "$dir" && mkdir -p "$dir/inbox"
  cp "$sample"/ExportXML_*.zip "$sample"/Responsables*.xml "$sample"/Structures.xml "$sample"/Nomenclature.xml \
    "$sample"/sts_emp_*.xml "$sample"/0069500U_EXPORT_INDEX_EDUCATION.xml "$dir/inbox/"
  cat >"$dir/edusync.yaml" <<YAML
school: {uai: 0069500U, name: "Collège de démonstration"}
state_dir: $dir/state
inbox: $dir/inbox
timetable: {partner_key_file: $(pwd)/$sample/edt_partner_key.pem}
connectors:
  - {name: ent, type: ent-csv, dir: $dir/out/ent}
  - {name: elea, type: elea-csv, dir: $dir/out/elea}
YAML
  "$edusync" --config "$dir/edusync.yaml" run --settle-ms 0 --today 2026-01-16 | grep -v "^ *$" | sed -n "1,14p"
  echo "ENT pupils' file, rows naming 3 LAT-EDT: $(cat "$dir"/out/ent/*Eleve*.csv | grep -c '3 LAT-EDT')"
  echo "Éléa file, rows with the cohort 0069500U-groupe-3 LAT-EDT: $(cat "$dir"/out/elea/*_full.csv | grep -c '0069500U-groupe-3 LAT-EDT')"
}

cmd_demo() {
  install_missing
  log "building (Release)"
  build release -DCMAKE_BUILD_TYPE=Release -- edusync
  local edusync=./build/release/daemon/edusync dir
  dir=$(pwd)/build/demo
  log "1. edusync inspect: the bundled sample (samples/college, one synthetic collège)"
  "$edusync" inspect samples/college/*.zip samples/college/*.xml
  rm -rf "$dir" && mkdir -p "$dir"
  local uri
  uri=$(start_demo_slapd "$dir")
  trap "stop_demo_slapd '$dir'" EXIT
  write_demo_config "$dir" "$uri"
  log "2. first run: the sample's exports dropped in $dir/inbox"
  drop_exports samples/college "$dir/inbox"
  "$edusync" --config "$dir/edusync.yaml" run --settle-ms 0 --today 2026-01-16
  log "3. account sheets of the first run's new accounts (logins and initial passwords, mode 0600)"
  "$edusync" --config "$dir/edusync.yaml" accounts --format csv --today 2026-01-16
  log "4. second run, two weeks later (samples/college-next): departures, an arrival, a class change, a corrected name, a renamed group, a new teacher"
  drop_exports samples/college-next "$dir/inbox"
  "$edusync" --config "$dir/edusync.yaml" run --settle-ms 0 --today 2026-01-30
  log "5. files written for the file targets (full files, deltas, per-profile ENT files and zip, Pix XML)"
  (cd "$dir/out" && find . -type f -printf '%-90p %8s bytes\n' | sort)
  log "6. the SambaEdu directory after both runs (throw-away slapd on $uri, stopped at the end)"
  show_demo_directory "$dir" "$uri"
  demo_service "$edusync" "$dir"
  demo_timetables "$edusync"
  echo
  echo "binary: $(pwd)/build/release/daemon/edusync"
  echo "reports (text, JSON, HTML): $dir/state/reports/    audit journal: $dir/journal.jsonl"
}

# Every C++ file of the repository (samples and golden outputs are data, not code).
cxx_sources() {
  find daemon connectors tests tools bench -path tests/golden -prune -o \
    \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -type f -print | sort
}

# Every translation unit of build DIR, as its compile_commands.json lists them (absolute paths).
compiled_sources() {
  python3 -c 'import json, sys
print("\n".join(sorted({entry["file"] for entry in json.load(open(sys.argv[1]))})))' \
    "build/$1/compile_commands.json"
}

# clang-tidy on one translation unit of build/release; its findings printed in one piece (runs in
# parallel do not interleave), without clang's count of the warnings it suppressed in headers
# outside HeaderFilterRegex.
tidy_one() {
  local output status=0
  output=$(clang-tidy -p build/release --quiet "$1" 2>&1) || status=$?
  output=$(sed -E '/^[0-9]+ warnings? generated\.$/d' <<<"$output")
  [ -z "$output" ] || printf '%s\n' "$output"
  return "$status"
}

# .clang-tidy is the rule too: every translation unit of the Release build (daemon, connectors,
# tools, tests, bench; headers through the sources that include them), all of them on every run
# (no cache), one clang-tidy per core; any finding fails the test command (WarningsAsErrors).
check_tidy() {
  local files start=$SECONDS
  mapfile -t files < <(compiled_sources release)
  export -f tidy_one
  printf '%s\0' "${files[@]}" | xargs -0 -n 1 -P "$(jobs)" bash -c 'tidy_one "$1"' tidy_one
  echo "clang-tidy: ${#files[@]} translation units clean in $((SECONDS - start)) s"
}

# .clang-format is the rule, not a suggestion: the test command fails on any file it would change.
check_format() {
  local files
  mapfile -t files < <(cxx_sources)
  clang-format --dry-run -Werror "${files[@]}"
  echo "clang-format: ${#files[@]} files clean"
}

# The units of systemd/: `systemd-analyze security --offline=yes` scores each one from its file
# alone (no systemd running, nothing installed) and fails above 2.0 (--threshold is in tenths);
# `systemd-analyze verify` checks their syntax and values, on copies whose ExecStart names
# /bin/true, because it also requires the binary to exist and edusync is not installed here.
# Both work offline on Debian 12's systemd 252 and take well under a second.
check_units() {
  local units=(systemd/edusync.service systemd/edusync@.service) copies unit report status=0
  report=$(systemd-analyze security --offline=yes --threshold=20 "${units[@]}" 2>&1) || status=$?
  if [ "$status" -ne 0 ]; then
    printf '%s\n' "$report"
    echo "systemd units: an overall exposure is above 2.0 (table above)" >&2
    return 1
  fi
  grep 'Overall exposure' <<<"$report"
  copies=$(mktemp -d)
  for unit in "${units[@]}"; do
    sed 's|^ExecStart=/usr/local/bin/edusync |ExecStart=/bin/true |' "$unit" >"$copies/${unit##*/}"
  done
  # verify only warns about an unknown or misspelt directive: any word it says is a failure.
  report=$(systemd-analyze verify "$copies"/*.service 2>&1) || status=$?
  rm -rf "$copies"
  if [ "$status" -ne 0 ] || [ -n "$report" ]; then
    printf '%s\n' "$report"
    echo "systemd units: systemd-analyze verify refused them (above)" >&2
    return 1
  fi
  echo "systemd units: ${#units[@]} verified, overall exposure 2.0 or less"
}

cmd_test() {
  install_missing
  log "tier 0: formatting (clang-format --dry-run -Werror), systemd units (systemd-analyze)"
  check_format
  check_units
  log "tier 1: Release build, warnings as errors, all tests"
  build release -DCMAKE_BUILD_TYPE=Release -DEDUSYNC_WERROR=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
  run_ctest release
  log "tier 1b: clang-tidy (.clang-tidy, every translation unit, findings are errors)"
  check_tidy
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
  bench/ldap_bench.sh build/release 100000
  bench/soak.py build/release bench/out/soak
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
