#!/usr/bin/env bash
# Timetable parsers against `xmllint --stream --noout` on the same file (bench/RESULTS.md, §G).
#
#   bench/timetables.sh OUT_DIR [BUILD_DIR]      BUILD_DIR: a Release build, default build/release
#
# Generates one school of TT_PUPILS (100 000) pupils with --timetables into OUT_DIR/data, then times,
# round by round (TT_REPEAT = 3 rounds, best kept, page cache warm):
#   * `edusync-parse` (bench/parse_only) of each timetable file: the parser alone, as inspect and
#     run call it (kind from the content, zip members, the sealed container, SHA-256 of the bytes),
#     without the model, the joins or any output; against the same references as below;
#   * `edusync inspect --json` of each timetable file alone, against its reference: xmllint on the
#     file; for the UDT zip, one xmllint over its members extracted (edusync inflates them itself);
#     for the sealed EDT container, xmllint on the CLEAR file (edusync decrypts, inflates, parses);
#     for the UDT course CSV there is no XML reference: `wc -l` and Python's csv module;
#   * the same file inspected with the SIECLE/STS-web files it joins with (Eleves, Structures,
#     Nomenclature, STS-web), minus those files inspected alone: what the file adds, model joins
#     included.
# Every inspect gets `--today <export date> --uai <UAI>`: the clear EDT file carries no export date,
# and links are current at that day, not at the machine's. Then, when perf is installed (TT_PERF=0
# skips it), one `perf record` per edusync command: the share of each stage. Prints the Markdown of
# OUT_DIR/RESULTS.md. Not a test: nothing asserts on times.
# shellcheck disable=SC2034  # the C_* arrays below are read through the nameref of `with`
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 OUT_DIR [BUILD_DIR]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
OUT=$(realpath "$1")
BUILD=$(realpath "${2:-$ROOT/build/release}")
REPEAT=${TT_REPEAT:-3}
PUPILS=${TT_PUPILS:-100000}
for tool in /usr/bin/time xmllint python3 unzip wc; do
  command -v "$tool" >/dev/null || { echo "timetables: $tool is missing" >&2; exit 2; }
done
PY=$(python3 -c 'import sys; print(sys.executable)')   # not a pyenv shim: its start-up is not timed

rm -rf "$OUT/data" "$OUT/udt" "$OUT/logs" "$OUT/json" "$OUT/perf"
mkdir -p "$OUT/bin" "$OUT/logs" "$OUT/json" "$OUT/perf"
cp "$BUILD/daemon/edusync" "$BUILD/tools/generator/edusync-gen" "$BUILD/bench/edusync-parse" "$OUT/bin/"   # builds may move on
STARTED=$EPOCHREALTIME
{
  echo "date	$(date -u -Iseconds)"
  echo "machine	nproc = $(nproc), $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
  echo "load	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit	${BENCH_BUILD_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD)} ($(git -C "$ROOT" status --porcelain -- daemon tools | wc -l) modified files under daemon/ and tools/ at the start)"
  echo "edusync	$(sha256sum "$OUT/bin/edusync" | cut -c1-16)"
  echo "xmllint	$(xmllint --version 2>&1 | head -n1)"
  echo "python	$("$PY" --version 2>&1)"
} >"$OUT/facts.tsv"

D=$OUT/data
"$OUT/bin/edusync-gen" --out "$D" --seed 1 --schools 1 --pupils "$PUPILS" --timetables >"$OUT/logs/gen.log" 2>&1
read -r UAI TODAY < <("$PY" -c "import json,sys; e=json.load(open(sys.argv[1])); d=e['parameters']['export_date'].split('/')
print(e['schools'][0]['uai'], f'{d[2]}-{d[1]}-{d[0]}')" "$D/expected.json")
EDT=$D/ExportEmploiDuTemps_$UAI.xml
SEALED=$D/${UAI}_EXPORT_INDEX_EDUCATION.xml
UDT=$(ls "$D"/"${UAI}"_*_UDT.zip)
COURS=$D/EXP_COURS.xml
CSV=$D/${UAI}_udt_cours.csv
unzip -q "$UDT" -d "$OUT/udt"
MEMBERS=("$OUT"/udt/*)
BASE=("$D/ElevesSansAdresses.xml" "$D/Structures.xml" "$D/Nomenclature.xml" "$D/sts_emp_${UAI}_"*.xml)
I=("$OUT/bin/edusync" inspect --json --today "$TODAY" --uai "$UAI")
K=(--edt-key "$D/edt_partner_key.pem")
PARSE=("$OUT/bin/edusync-parse")

# One array per timed command, named C_<id>; `with ID PREFIX...` runs PREFIX... followed by it.
C_base=("${I[@]}" "${BASE[@]}")
C_edt_edusync=("${I[@]}" "$EDT");                 C_edt_joined=("${I[@]}" "${BASE[@]}" "$EDT")
C_edt_xmllint=(xmllint --stream --noout "$EDT")
C_edttext_edusync=("${I[@]:0:1}" inspect "${I[@]:3}" "$EDT")   # the same without --json
C_sealed_edusync=("${I[@]}" "${K[@]}" "$SEALED"); C_sealed_joined=("${I[@]}" "${K[@]}" "${BASE[@]}" "$SEALED")
C_udt_edusync=("${I[@]}" "$UDT");                 C_udt_joined=("${I[@]}" "${BASE[@]}" "$UDT")
C_udt_xmllint=(xmllint --stream --noout "${MEMBERS[@]}")
C_cours_edusync=("${I[@]}" "$COURS");             C_cours_joined=("${I[@]}" "${BASE[@]}" "$COURS")
C_cours_xmllint=(xmllint --stream --noout "$COURS")
C_csv_edusync=("${I[@]}" "$CSV");                 C_csv_joined=("${I[@]}" "${BASE[@]}" "$CSV")
C_csv_wc=(wc -l "$CSV")
C_edt_parse=("${PARSE[@]}" "$EDT");      C_sealed_parse=("${PARSE[@]}" "${K[@]}" "$SEALED")
C_udt_parse=("${PARSE[@]}" "$UDT");      C_cours_parse=("${PARSE[@]}" "$COURS")
C_csv_parse=("${PARSE[@]}" "$CSV")
C_csv_python=("$PY" -c 'import csv, sys
with open(sys.argv[1], encoding="iso-8859-15", newline="") as f: print(sum(1 for _ in csv.reader(f, delimiter=";")))' "$CSV")
IDS=(base edt_edusync edttext_edusync edt_xmllint edt_joined sealed_edusync sealed_joined udt_edusync udt_xmllint udt_joined
  cours_edusync cours_xmllint cours_joined csv_edusync csv_wc csv_python csv_joined
  edt_parse sealed_parse udt_parse cours_parse csv_parse)

with() {
  local -n cmd=C_$1
  shift
  "$@" "${cmd[@]}"
}

# measure ID ITER: one line of measure.tsv (id iter wall_s maxrss_kb rc load1 user_s sys_s).
measure() {
  local tf=$OUT/logs/$1.$2.time load t0 t1 rc=0
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$EPOCHREALTIME
  with "$1" /usr/bin/time -v -o "$tf" >/dev/null 2>"$OUT/logs/$1.$2.err" || rc=$?
  t1=$EPOCHREALTIME
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$(awk "BEGIN {printf \"%.3f\", $t1 - $t0}")" \
    "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tf")" "$rc" "$load" \
    "$(sed -n 's/.*User time (seconds): //p' "$tf")" "$(sed -n 's/.*System time (seconds): //p' "$tf")" \
    >>"$OUT/measure.tsv"
}

cat "$D"/* "${MEMBERS[@]}" >/dev/null         # page cache warm, and one untimed run of each command
for id in "${IDS[@]}"; do                     # (the JSON of a file inspected alone is kept: records)
  out=/dev/null
  [[ $id == *_edusync ]] && out=$OUT/json/$id.out
  with "$id" >"$out" 2>"$OUT/logs/$id.warm.err" || echo "timetables: $id failed" >&2
done
: >"$OUT/measure.tsv"
for iter in $(seq "$REPEAT"); do
  for id in "${IDS[@]}"; do measure "$id" "$iter"; done
done

if command -v perf >/dev/null && [ "${TT_PERF:-1}" != 0 ]; then
  for id in edt_edusync sealed_edusync udt_edusync cours_edusync csv_edusync edt_joined base; do
    with "$id" perf record -q -F 999 --call-graph dwarf,16384 -o "$OUT/perf/$id.data" -- >/dev/null 2>&1
    perf report -i "$OUT/perf/$id.data" --children -g none --percent-limit 1 --stdio >"$OUT/perf/$id.txt" 2>/dev/null
    rm -f "$OUT/perf/$id.data"
  done
fi
echo "total	$(awk "BEGIN {printf \"%.0f\", $EPOCHREALTIME - $STARTED}") s" >>"$OUT/facts.tsv"

"$PY" - "$OUT" "$PUPILS" <<'EOF' | tee "$OUT/RESULTS.md"
import json, os, re, sys
out, pupils = sys.argv[1], int(sys.argv[2])
facts = dict(l.rstrip("\n").split("\t", 1) for l in open(f"{out}/facts.tsv"))
runs = {}
for l in open(f"{out}/measure.tsv"):
    i, it, wall, rss, rc, load, user, sys_ = l.split("\t")
    runs.setdefault(i, []).append(dict(it=int(it), wall=float(wall), rss=int(rss or 0), rc=int(rc),
                                       load=float(load), cpu=float(user or 0) + float(sys_ or 0)))
best = lambda i, k: min(r[k] for r in runs[i])
bad = [i for i in runs if any(r["rc"] for r in runs[i])]
def records(i):
    try: return f'{sum(s["records"] for s in json.load(open(f"{out}/json/{i}.out"))["sources"]):,}'
    except (OSError, ValueError, KeyError): return "–"   # text output
size = lambda p: os.path.getsize(p)
data = f"{out}/data"
files = {f: size(f"{data}/{f}") for f in os.listdir(data)}
pick = lambda pat: next(f for f in files if re.fullmatch(pat, f))
members = sum(size(f"{out}/udt/{m}") for m in os.listdir(f"{out}/udt"))
rows = [  # label, id, file, reference label, reference id
    ("EDT clear", "edt", pick(r"ExportEmploiDuTemps_.*\.xml"), "xmllint, same file", "edt_xmllint"),
    ("EDT clear, text output (no `--json`)", "edttext", pick(r"ExportEmploiDuTemps_.*\.xml"), "xmllint, same file", "edt_xmllint"),
    ("EDT sealed (decrypt + inflate + parse)", "sealed", pick(r".*_EXPORT_INDEX_EDUCATION\.xml"),
     "xmllint, the CLEAR file", "edt_xmllint"),
    ("UDT zip (inflate + 7 members)", "udt", pick(r".*_UDT\.zip"),
     f"xmllint, the 7 members extracted ({members / 1e6:.1f} MB)", "udt_xmllint"),
    ("EDT course file", "cours", "EXP_COURS.xml", "xmllint, same file", "cours_xmllint"),
    ("UDT course CSV", "csv", pick(r".*_udt_cours\.csv"), "Python csv module (no XML reference)", "csv_python"),
    ("UDT course CSV", "csv", pick(r".*_udt_cours\.csv"), "`wc -l` (no XML reference)", "csv_wc"),
]
mib = lambda kb: f"{kb / 1024:,.0f} MiB"
p = print
p("| | |\n|---|---|")
for k in ("date", "machine", "load", "commit", "edusync", "xmllint", "python", "total"):
    p(f"| {k} | {facts.get(k, '?')} |")
p(f"\nOne school of {pupils:,} pupils (`edusync-gen --seed 1 --schools 1 --pupils {pupils} --timetables`). "
  f"Best of {len(runs['base'])} rounds, page cache warm, all commands interleaved round by round.\n")
p("The parser alone (`edusync-parse`: parse_files one document at a time, its records handed to their parser on a second thread, SHA-256 of the bytes included; "
  "no model, no joins, no output), against the same references:\n")
p("| file | MB | edusync-parse wall | CPU | peak RSS | reference | wall | CPU | **wall ratio** | **CPU ratio** |")
p("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|")
for label, i, f, rlabel, r in rows[:1] + rows[2:]:
    e = f"{i}_parse"
    p(f"| {label}: `{f}` | {files[f] / 1e6:.1f} | {best(e, 'wall'):.3f} s | {best(e, 'cpu'):.2f} s "
      f"| {mib(best(e, 'rss'))} | {rlabel} | {best(r, 'wall'):.3f} s | {best(r, 'cpu'):.2f} s "
      f"| **{best(e, 'wall') / best(r, 'wall'):.2f}×** | **{best(e, 'cpu') / max(best(r, 'cpu'), 0.01):.2f}×** |")
p("\n`edusync inspect --json` of each file alone (model, joins and the JSON of every warning included: "
  "a timetable file inspected without its SIECLE export reports each of its pupils as unmatched):\n")
p("| file | MB | records | edusync inspect wall | CPU | peak RSS | reference | wall | CPU | **wall ratio** | CPU ratio |")
p("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
for label, i, f, rlabel, r in rows:
    e = f"{i}_edusync"
    p(f"| {label}: `{f}` | {files[f] / 1e6:.1f} | {records(e)} | {best(e, 'wall'):.3f} s | {best(e, 'cpu'):.2f} s "
      f"| {mib(best(e, 'rss'))} | {rlabel} | {best(r, 'wall'):.3f} s | {best(r, 'cpu'):.2f} s "
      f"| **{best(e, 'wall') / best(r, 'wall'):.2f}×** | {best(e, 'cpu') / max(best(r, 'cpu'), 0.01):.2f}× |")
b = {k: best("base", k) for k in ("wall", "cpu", "rss")}
p(f"\nWith the SIECLE/STS-web files it joins with (Eleves, Structures, Nomenclature, STS-web: "
  f"{b['wall']:.2f} s wall, {b['cpu']:.2f} s CPU, {mib(b['rss'])} alone): what the file adds.\n")
p("| file | + wall | + CPU | + peak RSS | reference CPU | **+ CPU / reference CPU** |")
p("|---|---:|---:|---:|---:|---:|")
for label, i, f, rlabel, r in rows[:1] + rows[2:6]:
    j = f"{i}_joined"
    p(f"| {label} | {best(j, 'wall') - b['wall']:+.2f} s | {best(j, 'cpu') - b['cpu']:+.2f} s "
      f"| {(best(j, 'rss') - b['rss']) / 1024:+,.0f} MiB | {best(r, 'cpu'):.2f} s ({rlabel}) "
      f"| **{(best(j, 'cpu') - b['cpu']) / max(best(r, 'cpu'), 0.01):.1f}×** |")
p(f"\nPeak RSS per pupil, EDT clear file alone: {best('edt_edusync', 'rss') * 1024 / pupils / 1024:.2f} KiB; "
  f"added to the SIECLE/STS-web inspect: {(best('edt_joined', 'rss') - b['rss']) * 1024 / pupils / 1024:.2f} KiB.")
if bad: p(f"\n**Non-zero exit codes**: {', '.join(bad)} (see logs/).")
stages = [("parse_files (calling thread only)", "edusync::sources::parse_files"), ("XML reading (libxml2 + SAX handlers, all threads)", "edusync::xml::stream_document"),
          ("model build", "edusync::assemble::assemble"), ("  of which timetable joins", "edusync::assemble::add_timetables"),
          ("JSON output", "edusync::inspect::to_json"), ("SHA-256 of the inputs", "_nettle_sha256_compress"),
          ("inflate (zlib)", "] inflate"), ("dates (parse_iso_date)", "edusync::parse_iso_date"), ("malloc (_int_malloc)", "_int_malloc"),
          ("page faults", "asm_exc_page_fault")]
perf = {i: open(f"{out}/perf/{i}.txt").read().splitlines() for i in
        ("edt_edusync", "sealed_edusync", "udt_edusync", "cours_edusync", "csv_edusync", "edt_joined", "base")
        if os.path.exists(f"{out}/perf/{i}.txt")}
if perf:
    p("\n`perf record --call-graph dwarf` of one run each: % of samples under (children included)\n")
    p("| stage | " + " | ".join(f"`{i}`" for i in perf) + " |\n|---|" + "---:|" * len(perf))
    for name, sym in stages:
        cells = []
        for i, lines in perf.items():
            hit = next((l.split()[0] for l in lines if sym in l and re.match(r"\s+[0-9.]+%", l)), "–")
            cells.append(hit)
        p(f"| {name} | " + " | ".join(cells) + " |")
p("\n<details><summary>Every timed run</summary>\n\n| command | round | wall | CPU | peak RSS | exit | load1 before |\n|---|---:|---:|---:|---:|---:|---:|")
for i, rs in runs.items():
    for r in rs: p(f"| `{i}` | {r['it']} | {r['wall']:.3f} s | {r['cpu']:.2f} s | {mib(r['rss'])} | {r['rc']} | {r['load']:.2f} |")
p("\n</details>")
EOF
