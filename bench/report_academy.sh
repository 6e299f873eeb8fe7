#!/usr/bin/env bash
# The morning report at academy scale: sizes of report.html / report.json and the time headless
# Chromium takes to open report.html, for a first run and a run with churn of a 100-school,
# 100,000-pupil academy (edusync-gen seed 42, bench/churn.py); then screenshots of the HTML
# report (the academy, and the bundled sample's second run: one collège) and of the account
# sheets, written to docs/images/.
#   bench/report_academy.sh [OUT_DIR]      (default bench/out/report_academy)
# Needs the Release build (./edusync.sh test or ./edusync.sh bench builds it) and chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/bench/out/report_academy}
EDUSYNC=$ROOT/build/release/daemon/edusync
GEN=$ROOT/build/release/tools/generator/edusync-gen
SCHOOLS=${SCHOOLS:-100}
PUPILS=${PUPILS:-100000}
B=$OUT/academy
rm -rf "$OUT" && mkdir -p "$B/inbox" "$OUT/logs"
chromium=$(command -v chromium || command -v chromium-browser)
browser() { "$chromium" --headless --no-sandbox --disable-gpu --no-first-run "$@"; }

fact() { printf '%s\t%s\n' "$1" "$2" | tee -a "$OUT/facts.tsv"; }

# Seconds headless Chromium takes to load FILE and print its DOM: the median of 5.
open_seconds() {
  local file=$1 i times=()
  for i in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    browser --dump-dom "file://$file" >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

write_config() {
  python3 - "$B" <<'PY'
import json, sys
b = sys.argv[1]
uais = [s["uai"] for s in json.load(open(f"{b}/gen/expected.json"))["schools"]]
open(f"{b}/edusync.yaml", "w").write(f"""school:
  uai: [{", ".join(uais)}]
  name: "Académie de démonstration"
state_dir: {b}/state
inbox: {b}/inbox
safety: {{max_departure_ratio: 0.5}}
identity:
  login_policy: prenom.nom
  uid_range: {{first: 100000, last: 2000000}}
connectors:
  - {{name: audit, type: journal, path: {b}/journal.jsonl}}
""")
PY
}

fill_inbox() {
  local src=$1 d u f
  for d in "$src"/*/; do
    u=$(basename "$d")
    for f in "$d"*.xml; do ln -f "$f" "$B/inbox/${u}_$(basename "$f")"; done
  done
}

# run NAME TODAY: a run, then the sizes of its report and the time to open its HTML.
run() {
  local name=$1 today=$2 start end dir
  start=$(date +%s.%N)
  "$EDUSYNC" --config "$B/edusync.yaml" run --settle-ms 0 --today "$today" >"$OUT/logs/$name.txt" 2>&1 || true
  end=$(date +%s.%N)
  dir=$(sed -n 's/^\(Rapports :\|Reports:\) \(.*\)\/report.*/\2/p' "$OUT/logs/$name.txt")
  fact "$name.wall_s" "$(echo "$end - $start" | bc)"
  fact "$name.html_bytes" "$(stat -c %s "$dir/report.html")"
  fact "$name.json_bytes" "$(stat -c %s "$dir/report.json")"
  fact "$name.txt_bytes" "$(stat -c %s "$dir/report.txt")"
  fact "$name.report_dir_bytes" "$(du -sb "$dir" | cut -f1)"
  fact "$name.open_s" "$(open_seconds "$dir/report.html")"
  echo "$dir" >"$OUT/logs/$name.dir"
}

fact date "$(date -u +%FT%TZ)"
fact machine "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
fact commit "$(git -C "$ROOT" rev-parse --short HEAD)"
fact chromium "$("$chromium" --version)"
printf '<!DOCTYPE html><html><body><p>vide</p></body></html>\n' >"$OUT/blank.html"
fact blank.open_s "$(open_seconds "$OUT/blank.html")"

"$GEN" --out "$B/gen" --seed 42 --schools "$SCHOOLS" --total-pupils "$PUPILS" --jobs 2 >/dev/null
write_config
fill_inbox "$B/gen"
run run1 2026-01-15
python3 "$ROOT/bench/churn.py" --src "$B/gen" --dst "$B/next" --fraction 0.005 --every 10 --seed 1 >/dev/null
fill_inbox "$B/next"
run run2 2026-01-16

# Screenshots: the academy's second run, one collège (the sample's second run), account sheets.
browser --window-size=1280,2000 --screenshot="$ROOT/docs/images/report-academy.png" \
  "file://$(cat "$OUT/logs/run2.dir")/report.html" >/dev/null 2>&1
S=$OUT/college
mkdir -p "$S/inbox"
cat >"$S/edusync.yaml" <<YAML
school: {uai: 0069500U, name: "Collège de démonstration"}
state_dir: $S/state
inbox: $S/inbox
connectors:
  - {name: audit, type: journal, path: $S/journal.jsonl}
  - {name: sambaedu-files, type: koxo-csv, dir: $S/out/koxo, login_address: "les ordinateurs du collège (identifiant et mot de passe ci-dessus)"}
  - {name: ent, type: ent-csv, dir: $S/out/ent, login_address: "https://ent.example.fr"}
YAML
cp "$ROOT"/samples/college/* "$S/inbox/" && rm -f "$S/inbox/expected.json"
"$EDUSYNC" --config "$S/edusync.yaml" run --settle-ms 0 --today 2026-01-16 >/dev/null
"$EDUSYNC" --config "$S/edusync.yaml" accounts --today 2026-01-16 >/dev/null
first=$(ls -d "$S"/state/reports/*/ | head -n1)
browser --window-size=900,1250 --screenshot="$ROOT/docs/images/account-sheets.png" \
  "file://${first}accounts.html" >/dev/null 2>&1
rm -f "$S"/inbox/* && cp "$ROOT"/samples/college-next/* "$S/inbox/"
"$EDUSYNC" --config "$S/edusync.yaml" run --settle-ms 0 --today 2026-01-30 >"$OUT/logs/college2.txt"
second=$(sed -n 's/^\(Rapports :\|Reports:\) \(.*\)\/report.*/\2/p' "$OUT/logs/college2.txt")
browser --window-size=1280,1900 --screenshot="$ROOT/docs/images/report-college.png" \
  "file://$second/report.html" >/dev/null 2>&1
fact college2.html_bytes "$(stat -c %s "$second/report.html")"
echo "facts: $OUT/facts.tsv"
