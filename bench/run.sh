#!/usr/bin/env bash
# edusync benchmarks, over the release binaries (`./edusync.sh bench` builds them, then calls this).
#
#   bench/run.sh BUILD_DIR [--quick]
#
#   A. `edusync inspect` vs `xmllint --stream --noout` on single-school exports of 100 k and 1 M
#      pupils (best of 3, page cache warm), peak RSS, and `perf record` of the 100 k inspect;
#   B. `edusync run` at academy scale (1000 schools, 1 M pupils): first run, a run with 1 % churn,
#      a run with no change (the unchanged-inputs short cut: hash, record the run) and the same
#      again with --recompute (full parse, model, diff; empty plan), checking that both write
#      nothing but the run record; each against `edusync inspect` of the same inputs (parse + model
#      alone). Every run under EDUSYNC_TRACE_MEMORY=1: its stderr (logs/) has the time and memory
#      at the end of each stage. A 4th run (--recompute, no change) under
#      `perf record --call-graph dwarf` for the time of each pipeline step.
#   --quick: the same steps on 10 k pupils (one school) and 10 schools / 10 k pupils, in well under
#   a minute, to smoke-test this script. Results go to bench/out/quick/RESULTS.md instead of
#   bench/RESULTS.md.
#
# Everything is written under bench/out/<full|quick>/ (git-ignored): copies of the binaries (other
# builds may replace build/ meanwhile), generated exports, logs, measure.tsv (one line per timed
# command), facts.tsv; the multi-GB exports and state are deleted at the end (BENCH_KEEP=1 keeps
# them). bench/render.py turns measure.tsv + facts.tsv + logs into RESULTS.md.
#
# Environment: BENCH_OUT (default bench/out), BENCH_REPEAT (timed repetitions in A, default 3),
# BENCH_MEM_LIMIT_GB (address-space limit of every timed command, default 20: a runaway process
# gets bad_alloc instead of waking the OOM killer on a shared machine), BENCH_TIMEOUT_S (per
# command, default 5400), BENCH_KEEP=1, BENCH_BUILD_COMMIT (the commit BUILD_DIR was built from,
# recorded in RESULTS.md).
# Only loopback/local files are involved: the journal connector writes a local file.
set -euo pipefail

usage() {
  echo "usage: $0 BUILD_DIR [--quick]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
BUILD=$(realpath "$1")
QUICK=0
case "${2:-}" in
  "") ;;
  --quick) QUICK=1 ;;
  *) usage ;;
esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [ "$QUICK" = 1 ]; then
  MODE=quick
  A_SIZES=(10000)
  B_SCHOOLS=10
  B_PUPILS=10000
  RESULTS=${BENCH_OUT:-$ROOT/bench/out}/quick/RESULTS.md
else
  MODE=full
  A_SIZES=(100000 1000000)
  B_SCHOOLS=1000
  B_PUPILS=1000000
  RESULTS=$ROOT/bench/RESULTS.md
fi
OUT=${BENCH_OUT:-$ROOT/bench/out}/$MODE
REPEAT=${BENCH_REPEAT:-3}
MEM_LIMIT_KB=$(( ${BENCH_MEM_LIMIT_GB:-20} * 1024 * 1024 ))
TIMEOUT_S=${BENCH_TIMEOUT_S:-5400}

for tool in /usr/bin/time xmllint sqlite3 python3 perf; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (./edusync.sh installs it)" >&2; exit 2; }
done
for binary in daemon/edusync tools/generator/edusync-gen; do
  [ -x "$BUILD/$binary" ] || { echo "bench: $BUILD/$binary not built" >&2; exit 2; }
done

rm -rf "$OUT"
mkdir -p "$OUT/bin" "$OUT/logs" "$OUT/time"
cp "$BUILD/daemon/edusync" "$BUILD/tools/generator/edusync-gen" "$OUT/bin/"
EDUSYNC=$OUT/bin/edusync
GEN=$OUT/bin/edusync-gen
: >"$OUT/measure.tsv"
: >"$OUT/facts.tsv"
STARTED=$EPOCHREALTIME

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fact() { printf '%s\t%s\n' "$1" "$2" >>"$OUT/facts.tsv"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# measure ID ITER CMD...: runs CMD under /usr/bin/time -v (peak RSS), with a timeout and an
# address-space limit; stdout/stderr to logs/ID.ITER.{out,err}. Appends to measure.tsv:
#   id iter wall_s maxrss_kb rc load1_before user_s sys_s
# Wall time is taken around the command with $EPOCHREALTIME (µs), /usr/bin/time's own is
# rounded to 10 ms. Never fails: the exit code is recorded and returned in $MEASURED_RC.
measure() {
  local id=$1 iter=$2
  shift 2
  local base=$OUT/logs/$id.$iter timefile=$OUT/time/$id.$iter load t0 t1 rc=0 rss user sys
  load=$(load1)
  t0=$EPOCHREALTIME
  (
    ulimit -v "$MEM_LIMIT_KB"
    exec /usr/bin/time -v -o "$timefile" timeout -k 30 "$TIMEOUT_S" "$@"
  ) >"$base.out" 2>"$base.err" || rc=$?
  t1=$EPOCHREALTIME
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timefile" 2>/dev/null || true)
  user=$(sed -n 's/.*User time (seconds): //p' "$timefile" 2>/dev/null || true)
  sys=$(sed -n 's/.*System time (seconds): //p' "$timefile" 2>/dev/null || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$iter" \
    "$(python3 -c "print(f'{$t1 - $t0:.3f}')")" "${rss:-0}" "$rc" "$load" "${user:-0}" "${sys:-0}" >>"$OUT/measure.tsv"
  MEASURED_RC=$rc
  log "  $id #$iter: rc=$rc, $(tail -n1 "$OUT/measure.tsv" | cut -f3) s, ${rss:-?} KB"
}

warm() { cat "$@" >/dev/null; }

# ISO date of an edusync-gen output's export date (DD/MM/YYYY in expected.json).
export_day() {
  python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['parameters']['export_date'].split('/'); print(f'{d[2]}-{d[1]}-{d[0]}')" "$1"
}

machine_facts() {
  fact date "$(date -Iseconds)"
  fact mode "$MODE"
  fact command "bench/run.sh $1"
  fact nproc "$(nproc)"
  fact cpu "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"
  fact mem_total_kb "$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo)"
  fact swap_total_kb "$(sed -n 's/^SwapTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo)"
  fact loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"
  fact kernel "$(uname -sr)"
  fact compiler "$(sed -n 's/^CMAKE_CXX_COMPILER:[^=]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null | head -n1) $(c++ -dumpfullversion 2>/dev/null || true)"
  fact build_type "$(sed -n 's/^CMAKE_BUILD_TYPE:[^=]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null | head -n1)"
  fact xmllint "$(xmllint --version 2>&1 | head -n1)"
  fact git_head "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  # The commit BUILD_DIR was built from, when the caller knows it (other engineers may commit
  # between the build and the bench, so HEAD above is not necessarily the binaries' commit).
  fact build_commit "${BENCH_BUILD_COMMIT:-}"
  fact edusync_sha256 "$(sha256sum "$EDUSYNC" | cut -c1-16)"
  fact git_dirty "$(git status --porcelain -- daemon connectors 2>/dev/null | wc -l)"
  fact mem_limit_gb "${BENCH_MEM_LIMIT_GB:-20}"
  fact repeat "$REPEAT"
}

# ---------------------------------------------------------------------------------------------
# A. edusync inspect vs xmllint, one school
bench_inspect() {
  local pupils=$1 dir=$OUT/a-$1 today files eleves iter
  log "A. $pupils pupils: generating"
  measure "A.$pupils.gen" 1 "$GEN" --out "$dir" --seed 1 --schools 1 --pupils "$pupils"
  [ "$MEASURED_RC" = 0 ] || { fact "A.$pupils.error" "edusync-gen failed, see logs/A.$pupils.gen.1.err"; return; }
  today=$(export_day "$dir/expected.json")
  files=("$dir"/*.xml)
  eleves=("$dir"/Eleves*.xml)
  fact "A.$pupils.today" "$today"
  fact "A.$pupils.expected" "$dir/expected.json"
  cp "$dir/expected.json" "$OUT/logs/A.$pupils.expected.json"
  for f in "${files[@]}"; do fact "A.$pupils.file" "$(basename "$f")	$(stat -c %s "$f")"; done
  warm "${files[@]}"
  fact "A.$pupils.loadavg" "$(cut -d' ' -f1-3 /proc/loadavg)"
  log "A. $pupils pupils: $REPEAT rounds, interleaved (edusync all, xmllint all, edusync Eleves, xmllint Eleves)"
  for iter in $(seq 1 "$REPEAT"); do
    measure "A.$pupils.edusync.all" "$iter" "$EDUSYNC" inspect --today "$today" "${files[@]}"
    measure "A.$pupils.xmllint.all" "$iter" xmllint --stream --noout "${files[@]}"
    measure "A.$pupils.edusync.eleves" "$iter" "$EDUSYNC" inspect --today "$today" "${eleves[@]}"
    measure "A.$pupils.xmllint.eleves" "$iter" xmllint --stream --noout "${eleves[@]}"
  done
  if [ "$pupils" = "${A_SIZES[0]}" ]; then
    log "A. $pupils pupils: perf record -g"
    measure "A.$pupils.perf" 1 perf record -g -o "$OUT/perf.data" -- "$EDUSYNC" inspect --today "$today" "${files[@]}"
    perf report -i "$OUT/perf.data" --no-children --sort dso,symbol -g none --stdio --percent-limit 0.3 \
      >"$OUT/perf-report.txt" 2>"$OUT/logs/perf-report.err" || true
    fact perf_pupils "$pupils"
  fi
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$dir"
}

# ---------------------------------------------------------------------------------------------
# B. edusync run, academy scale
sql() { sqlite3 -readonly -batch -noheader -separator '	' "$B/state/edusync.db" "$@"; }

# db_state LABEL: row counts, content digests and page sizes of every table, file sizes, journal.
db_state() {
  local label=$1 t digest
  local file=$OUT/logs/B.state.$label.tsv
  : >"$file"
  for t in identities initial_passwords snapshots acknowledgements export_marks runs; do
    if [ "$t" = snapshots ]; then
      digest=$(sql "SELECT id, created, school_year, sha256, length(data) FROM snapshots ORDER BY id" | sha256sum | cut -c1-16)
    else
      digest=$(sql "SELECT * FROM $t ORDER BY rowid" | sha256sum | cut -c1-16)
    fi
    printf 'table\t%s\t%s\t%s\n' "$t" "$(sql "SELECT count(*) FROM $t")" "$digest" >>"$file"
  done
  sql "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY name" 2>/dev/null | sed 's/^/pages\t/' >>"$file" || true
  sql "SELECT kind, count(*), count(login), count(uid_number) FROM identities GROUP BY kind" | sed 's/^/kind\t/' >>"$file"
  printf 'file\tedusync.db\t%s\n' "$(stat -c %s "$B/state/edusync.db")" >>"$file"
  printf 'file\tedusync.db-wal\t%s\n' "$(stat -c %s "$B/state/edusync.db-wal" 2>/dev/null || echo 0)" >>"$file"
  printf 'file\tjournal\t%s\t%s\t%s\n' "$(stat -c %s "$B/journal.jsonl" 2>/dev/null || echo 0)" \
    "$(wc -l <"$B/journal.jsonl" 2>/dev/null || echo 0)" \
    "$(sha256sum "$B/journal.jsonl" 2>/dev/null | cut -c1-16 || echo none)" >>"$file"
  printf 'file\treports\t%s\n' "$(du -sb "$B/state/reports" 2>/dev/null | cut -f1 || echo 0)" >>"$file"
  printf 'page_size\t%s\n' "$(sql "PRAGMA page_size")" >>"$file"
  printf 'freelist\t%s\n' "$(sql "PRAGMA freelist_count")" >>"$file"
}

write_config() {  # write_config MAX_DEPARTURE_RATIO
  python3 - "$B" "$1" <<'PY'
import json, sys
b, ratio = sys.argv[1], sys.argv[2]
uais = [s["uai"] for s in json.load(open(f"{b}/gen/expected.json"))["schools"]]
open(f"{b}/uais.txt", "w").write("\n".join(uais) + "\n")
open(f"{b}/edusync.yaml", "w").write(f"""# bench/run.sh: academy-scale benchmark configuration ({len(uais)} schools)
school:
  uai: [{", ".join(uais)}]
  name: "Académie de benchmark"
state_dir: {b}/state
inbox: {b}/inbox
safety: {{max_departure_ratio: {ratio}}}
identity:
  # Academy scale: nomp8 (the default) runs out of its 99 collision variants and the default
  # uid range (1001-4999) holds 4000 accounts; see RESULTS.md.
  login_policy: prenom.nom
  uid_range: {{first: 100000, last: 2000000}}
connectors:
  - {{name: audit, type: journal, path: {b}/journal.jsonl}}
""")
PY
}

# Hard links of every school's files, flat in the inbox, as <UAI>_<file>.
fill_inbox() {  # fill_inbox SRC_ROOT (gen or next): links SRC_ROOT/<UAI>/*.xml into the inbox
  local src=$1 d u f
  for d in "$src"/*/; do
    u=$(basename "$d")
    for f in "$d"*.xml; do ln -f "$f" "$B/inbox/${u}_$(basename "$f")"; done
  done
}

inspect_inputs() {  # inspect_inputs ID TODAY
  local uai_args=() u
  while read -r u; do uai_args+=(--uai "$u"); done <"$B/uais.txt"
  warm "$B"/inbox/*.xml
  measure "$1" 1 "$EDUSYNC" inspect "${uai_args[@]}" --today "$2" "$B"/inbox/*.xml
}

# run_sync ID TODAY [RUN OPTIONS...]: one traced `edusync run` (stage times and memory on stderr).
run_sync() {
  local id=$1 day=$2
  shift 2
  warm "$B"/inbox/*.xml
  measure "$id" 1 env EDUSYNC_TRACE_MEMORY=1 "$EDUSYNC" --config "$B/edusync.yaml" run --settle-ms 0 --today "$day" "$@"
  run_facts "$id"
}

# run_facts ID: what the report.json of the run just made says about itself (the state and its
# reports are deleted at the end; keep the few fields RESULTS.md needs).
run_facts() {
  local dir
  dir=$(ls -1td "$B"/state/reports/*/ 2>/dev/null | head -n1 || true)
  [ -n "$dir" ] && [ -f "$dir/report.json" ] || return 0
  python3 - "$dir/report.json" "$1" >>"$OUT/facts.tsv" <<'PY' || true
import json, sys
r = json.load(open(sys.argv[1]))["run"]
for key in ("id", "status", "unchanged_since"):
    print(f"{sys.argv[2]}.{key}\t{r.get(key, '')}")
PY
}

# db_compare LABEL COPY: pages of the state file that differ from COPY (taken before the run).
db_compare() {
  local label=$1 copy=$2 page_size
  page_size=$(sql "PRAGMA page_size")
  fact "$label.pages_total" "$(( $(stat -c %s "$B/state/edusync.db") / page_size ))"
  fact "$label.pages_changed" "$( (cmp -l "$copy" "$B/state/edusync.db" 2>/dev/null || true) |
    awk -v ps="$page_size" '{p = int(($1 - 1) / ps); if (!(p in seen)) {seen[p] = 1; n++}} END {print n + 0}')"
  fact "$label.size_before" "$(stat -c %s "$copy")"
  fact "$label.size_after" "$(stat -c %s "$B/state/edusync.db")"
  rm -f "$copy"
}

bench_run() {
  B=$OUT/b
  mkdir -p "$B/inbox"
  log "B. generating $B_SCHOOLS schools / $B_PUPILS pupils"
  measure B.gen 1 "$GEN" --out "$B/gen" --seed 42 --schools "$B_SCHOOLS" --total-pupils "$B_PUPILS" --jobs 2
  [ "$MEASURED_RC" = 0 ] || { fact B.error "edusync-gen failed, see logs/B.gen.1.err"; return; }
  cp "$B/gen/expected.json" "$OUT/logs/B.expected.json"
  local today day2
  today=$(export_day "$B/gen/expected.json")
  day2=$(date -d "$today + 1 day" +%F)
  fact B.today "$today"
  fact B.today2 "$day2"
  write_config 0.10
  cp "$B/edusync.yaml" "$OUT/logs/B.edusync.yaml"
  fill_inbox "$B/gen"
  fact B.inbox_files "$(find "$B/inbox" -maxdepth 1 -name '*.xml' | wc -l)"
  fact B.inbox_bytes "$(du -sbL "$B/inbox" | cut -f1)"
  fact B.loadavg "$(cut -d' ' -f1-3 /proc/loadavg)"

  log "B. run 1 inputs: inspect (parse + model alone), then the first run"
  inspect_inputs B.inspect1 "$today"
  run_sync B.run1 "$today"
  db_state after1

  log "B. churn (1 %): churn.py, checked with xmllint"
  measure B.churn 1 python3 "$ROOT/bench/churn.py" --src "$B/gen" --dst "$B/next" --fraction 0.005 --every 10 --seed 1
  cp "$B/next/churn.json" "$OUT/logs/B.churn.json" 2>/dev/null || true
  measure B.churn.xmllint 1 xmllint --stream --noout "$B"/next/*/*.xml
  fact B.churn.encoding "$(head -c 60 "$(find "$B/next" -name 'Eleves*.xml' | head -n1)" | head -n1)"
  fill_inbox "$B/next"
  fact B.inbox2_files "$(find "$B/inbox" -maxdepth 1 -name '*.xml' | wc -l)"

  log "B. run 2 inputs: inspect, then the run with churn"
  inspect_inputs B.inspect2 "$today"
  run_sync B.run2 "$day2"
  if [ "$MEASURED_RC" = 3 ]; then
    fact B.run2.held "yes"
    log "B. run 2 held by a safety gate: raising safety.max_departure_ratio to 0.5 and running again"
    write_config 0.5
    run_sync B.run2b "$day2"
  fi
  db_state after2
  cp "$B/state/edusync.db" "$B/db.before3"

  # Run 3: the inbox holds exactly the inputs of run 2, nothing is due: the unchanged-inputs
  # short cut (hash the inputs, record the run, report.json run.unchanged_since = run 2).
  log "B. run 3: no change (unchanged-inputs short cut)"
  run_sync B.run3 "$day2"
  db_state after3
  db_compare B.run3 "$B/db.before3"

  # Run 3r: the same inputs with --recompute (no short cut): full parse, model, identities, diff
  # (empty plan), state transaction, connector; must write nothing but the run record either.
  log "B. run 3r: no change, recomputed (--recompute)"
  cp "$B/state/edusync.db" "$B/db.before3r"
  run_sync B.run3r "$day2" --recompute
  db_state after3r
  db_compare B.run3r "$B/db.before3r"

  # Where a run's time goes: a 4th run, no change again, recomputed (without --recompute it would
  # profile the short cut), under perf with DWARF call chains (the release build has no frame
  # pointers). 49 Hz keeps perf.data around 200 MB at academy scale.
  log "B. run 4: no change again (--recompute), under perf record --call-graph dwarf (time per pipeline step)"
  warm "$B"/inbox/*.xml
  measure B.run4.perf 1 perf record -F 49 --call-graph dwarf,16384 -o "$OUT/perf-run.data" -- \
    env EDUSYNC_TRACE_MEMORY=1 "$EDUSYNC" --config "$B/edusync.yaml" run --settle-ms 0 --today "$day2" --recompute
  run_facts B.run4.perf
  perf report -i "$OUT/perf-run.data" --children --sort symbol -g none --stdio --percent-limit 0.1 \
    >"$OUT/perf-run-children.txt" 2>"$OUT/logs/perf-run-children.err" || true
  perf report -i "$OUT/perf-run.data" --no-children --sort dso,symbol -g none --stdio --percent-limit 0.3 \
    >"$OUT/perf-run-self.txt" 2>"$OUT/logs/perf-run-self.err" || true
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$OUT/perf-run.data"
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$B"
}

log "bench ($MODE) -> $OUT"
machine_facts "$*"
for size in "${A_SIZES[@]}"; do bench_inspect "$size"; done
bench_run
fact total_seconds "$(python3 -c "print(f'{$EPOCHREALTIME - $STARTED:.0f}')")"
python3 "$ROOT/bench/render.py" "$OUT" "$RESULTS"
log "done in $(python3 -c "print(f'{$EPOCHREALTIME - $STARTED:.0f}')") s -> $RESULTS"
