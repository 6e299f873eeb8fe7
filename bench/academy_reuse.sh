#!/usr/bin/env bash
# The academy night where a tenth of the schools sent a new export, with and without reusing the
# schools that did not change (docs/academy.md), side by side in one invocation:
#
#   bench/academy_reuse.sh BUILD_DIR SCHOOLS PUPILS [OUT_DIR]
#
#   1. edusync-gen SCHOOLS schools, PUPILS pupils in all; every file linked into one inbox as
#      <UAI>_<file>; `xmllint --stream --noout` over every file, sequentially (the reference);
#   2. run 1, the first run (every school read, every part stored);
#   3. bench/churn.py on every 10th school (1 % of the pupils in and out); the state copied;
#   4. run 2, the night: the 90 % of schools whose files did not change are reused;
#   5. run 2r, the same night on the copy with --recompute: every school parsed (what every
#      night cost before parts were reused); then the two snapshots compared (same sha256).
# Every run under EDUSYNC_TRACE_MEMORY=1 and /usr/bin/time; the page cache is warmed before each.
# Prints a Markdown table; logs under OUT_DIR (default bench/out/academy_reuse, git-ignored).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 BUILD_DIR SCHOOLS PUPILS [OUT_DIR]" >&2; exit 2; }
BUILD=$(realpath "$1")
SCHOOLS=$2
PUPILS=$3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${4:-$ROOT/bench/out/academy_reuse}
EDUSYNC=$B/bin/edusync
rm -rf "$B"
mkdir -p "$B/bin" "$B/inbox" "$B/logs"
cp "$BUILD/daemon/edusync" "$BUILD/tools/generator/edusync-gen" "$B/bin/"

"$B/bin/edusync-gen" --out "$B/gen" --seed 42 --schools "$SCHOOLS" --total-pupils "$PUPILS" \
  --jobs 2 >"$B/logs/gen.log" 2>&1
python3 - "$B" <<'PY'
import json, sys
b = sys.argv[1]
uais = [s["uai"] for s in json.load(open(f"{b}/gen/expected.json"))["schools"]]
for name in ("state", "copy"):
    open(f"{b}/{name}.yaml", "w").write(f"""school:
  uai: [{", ".join(uais)}]
  name: "Académie de benchmark"
state_dir: {b}/{name}
inbox: {b}/inbox
safety: {{max_departure_ratio: 0.10}}
identity:
  login_policy: prenom.nom
  uid_range: {{first: 100000, last: 2000000}}
connectors:
  - {{name: audit, type: journal, path: {b}/{name}.jsonl}}
""")
PY

fill_inbox() {  # fill_inbox SRC_ROOT
  local d u f
  for d in "$1"/*/; do
    u=$(basename "$d")
    for f in "$d"*.xml; do ln -f "$f" "$B/inbox/${u}_$(basename "$f")"; done
  done
}
warm() { cat "$B"/inbox/*.xml >/dev/null; }
# timed ID COMMAND...: wall seconds and peak RSS (KiB) into $B/logs/ID.time, stderr in ID.err
timed() {
  local id=$1
  shift
  warm
  /usr/bin/time -f "%e %M" -o "$B/logs/$id.time" "$@" >"$B/logs/$id.out" 2>"$B/logs/$id.err" || true
}

fill_inbox "$B/gen"
timed xmllint xmllint --stream --noout "$B"/inbox/*.xml
timed run1 env EDUSYNC_TRACE_MEMORY=1 "$EDUSYNC" --config "$B/state.yaml" run --settle-ms 0 --today 2026-01-15
python3 "$ROOT/bench/churn.py" --src "$B/gen" --dst "$B/next" --fraction 0.005 --every 10 --seed 1 \
  >"$B/logs/churn.json"
fill_inbox "$B/next"
cp -r "$B/state" "$B/copy"
cp "$B/state.jsonl" "$B/copy.jsonl"
timed run2 env EDUSYNC_TRACE_MEMORY=1 "$EDUSYNC" --config "$B/state.yaml" run --settle-ms 0 --today 2026-01-16
timed run2r env EDUSYNC_TRACE_MEMORY=1 "$EDUSYNC" --config "$B/copy.yaml" run --settle-ms 0 --today 2026-01-16 --recompute

same=$(for s in state copy; do sqlite3 "$B/$s/edusync.db" "SELECT sha256 FROM snapshots ORDER BY id DESC LIMIT 1"; done | uniq | wc -l)
python3 - "$B" "$SCHOOLS" "$PUPILS" "$same" <<'PY'
import json, pathlib, re, sys
b, schools, pupils, same = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
RUNS = (("run1", "1. first run", "state", 0),
        ("run2", "2. night, 10 % of schools changed, parts reused", "state", -1),
        ("run2r", "2r. the same night, `--recompute` (every school parsed)", "copy", -1))
def timing(run):
    wall, rss = (b / "logs" / f"{run}.time").read_text().split()[:2]
    return float(wall), int(rss) / 1024
def marks(run):  # stage name -> seconds since start, from the EDUSYNC_TRACE_MEMORY lines
    found = {}
    for line in (b / "logs" / f"{run}.err").read_text().splitlines():
        m = re.match(r"memory\s+([0-9.]+) s (.+?)\s{2,}heap", line)
        if m: found[m.group(2)] = float(m.group(1))
    return found
def report(state, index):
    return json.loads((sorted((b / state / "reports").iterdir())[index] / "report.json").read_text())
ref, _ = timing("xmllint")
first, _ = timing("run1")
print(f"| run | wall | ÷ xmllint ({ref:.1f} s) | ÷ first run | peak RSS | KiB per pupil | status | schools re-read / reused | changes |")
print("|---|---:|---:|---:|---:|---:|---|---|---|")
for run, label, state, index in RUNS:
    wall, rss = timing(run)
    r = report(state, index)
    s = r.get("schools")
    reuse = f"{s['reread']} / {s['reused']}" if s else f"{schools} / 0"
    ch = r["changes"]
    changes = (f"pupils +{ch['pupils']['added']} →{ch['pupils']['departed']} ~{ch['pupils']['updated']}; "
               f"memberships +{ch['memberships']['added']} −{ch['memberships']['removed']}")
    print(f"| {label} | {wall:.1f} s | {wall/ref:.2f}× | {wall/first:.2f}× | {rss:,.0f} MiB | "
          f"{rss*1024/pupils:.2f} | {r['run']['status']} | {reuse} | {changes} |")
print()
print(f"Snapshots of runs 2 and 2r: {'identical (same sha256)' if same == '1' else 'DIFFERENT'}.")
print()
all_marks = {run: marks(run) for run, *_ in RUNS}
names = [n for n in all_marks["run2r"]]
for n in all_marks["run2"]:
    if n not in names: names.append(n)
print("| stage (end mark) | " + " | ".join(label.split(",")[0] for _, label, *_ in RUNS) + " |")
print("|---|" + "---:|" * len(RUNS))
for n in names:
    cells = []
    for run, *_ in RUNS:
        m = all_marks[run]
        if n not in m: cells.append("—"); continue
        keys = list(m)
        prev = m[keys[keys.index(n) - 1]] if keys.index(n) > 0 else 0.0
        cells.append(f"{m[n] - prev:.2f} s")
    print(f"| {n} | " + " | ".join(cells) + " |")
PY
echo
echo "Stage marks (EDUSYNC_TRACE_MEMORY) of each run: $B/logs/run*.err"
