#!/usr/bin/env bash
# SambaEdu LDAP target benchmark (issue #4), against local slapd servers (mdb, fsync on as in
# production: no dbnosync), all on loopback:
#
#   bench/ldap_bench.sh BUILD_DIR [PUPILS]     (default 10000 pupils, one school)
#
#   1. edusync run, first load, `ldap-sambaedu` connector: accounts, groups created with their
#      members, pipelined; then the same exports with a journal connector only (the pipeline
#      without LDAP), so that the connector's share is known;
#   2. edusync run on a 1 % churn export (bench/churn.py);
#   3. the change-by-change client SE3's import is: `ldapadd -c` / `ldapmodify -c` of the
#      equivalent LDIF (bench/ldap_ldif.py: one operation per account, one per membership) into
#      a second slapd seeded the same way;
#   4. `slapadd -q` of the first load's entries into an empty database (the offline ceiling);
#   5. a paged read of the whole base (ldapsearch -E pr=500), what each apply starts with.
# Results: bench/out/ldap/RESULTS.md (and measure.tsv); nothing outside bench/out/ldap.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [PUPILS]" >&2; exit 2; }
BUILD=$(realpath "$1")
PUPILS=${2:-10000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/ldap
BASE="ou=clg-bench,ou=ac-lyon,ou=education,o=gouv,c=fr"
ADMIN="cn=admin,$BASE"
rm -rf "$OUT" && mkdir -p "$OUT"
: >"$OUT/measure.tsv"

log() { printf '\n== %s\n' "$*"; }
measure() {  # measure LABEL COMMAND...: wall seconds to measure.tsv
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" >"$OUT/$label.out" 2>"$OUT/$label.err" || echo "$label failed ($?), see $OUT/$label.err" >&2
  end=$(date +%s.%N)
  printf '%s\t%s\n' "$label" "$(python3 -c "print(f'{$end - $start:.2f}')")" | tee -a "$OUT/measure.tsv"
}
seconds() { awk -F'\t' -v l="$1" '$1 == l { print $2 }' "$OUT/measure.tsv"; }

# shellcheck source=../tools/slapd/throwaway.sh
EDUSYNC_ROOT=$ROOT
. "$ROOT/tools/slapd/throwaway.sh"
MAXSIZE=4294967296
start_slapd() { throwaway_slapd_start "$1" "$BASE" clg-bench bench-secret "$MAXSIZE"; }  # DIR: prints the URI
stop_slapd() { throwaway_slapd_stop "$1"; }
trap 'stop_slapd "$OUT/edusync"; stop_slapd "$OUT/client"' EXIT

dump() {  # dump DIR URI FILE
  ldapsearch -x -LLL -o ldif-wrap=no -H "$2" -D "$ADMIN" -y "$1/bind.secret" -b "$BASE" -E pr=1000/noprompt '*' \
    | grep -v '^# \|^control: \|^pagedresults' >"$3"
}

config() {  # config NAME CONNECTOR-LINE
  cat >"$OUT/$1.yaml" <<YAML
school: {uai: 0069500U, name: "Collège de mesure"}
state_dir: $OUT/$1-state
inbox: $OUT/inbox
safety: {max_departure_ratio: 1.0}
identity: {uid_range: {first: 1001, last: 900000}}
connectors:
  - $2
YAML
}

log "exports: $PUPILS pupils (edusync-gen), then 1 % churn (churn.py)"
"$BUILD/tools/generator/edusync-gen" --out "$OUT/gen" --seed 7 --pupils "$PUPILS" >/dev/null
python3 "$ROOT/bench/churn.py" --src "$OUT/gen" --dst "$OUT/next" --fraction 0.0034 --every 1 --seed 1 >"$OUT/churn.json"
UAI=$(python3 -c "import json; print(json.load(open('$OUT/gen/expected.json'))['schools'][0]['uai'])")
first_inbox() { rm -rf "$OUT/inbox" && mkdir -p "$OUT/inbox" && cp "$OUT/gen"/*.xml "$OUT/inbox/"; }
next_inbox() { first_inbox && cp "$OUT/next/$UAI"/*.xml "$OUT/inbox/"; }

URI=$(start_slapd "$OUT/edusync")
config ldap "{name: sambaedu, type: ldap-sambaedu, uri: \"$URI\", base_dn: \"$BASE\", bind_dn: \"$ADMIN\", bind_password_file: $OUT/edusync/bind.secret, timeout: 600}"
config journal "{name: audit, type: journal, path: $OUT/journal.jsonl}"

log "1. edusync first load (ldap-sambaedu), and the same run with a journal only"
first_inbox
measure edusync.initial "$BUILD/daemon/edusync" --config "$OUT/ldap.yaml" run --settle-ms 0 --today 2026-01-16
first_inbox
measure pipeline.initial "$BUILD/daemon/edusync" --config "$OUT/journal.yaml" run --settle-ms 0 --today 2026-01-16
dump "$OUT/edusync" "$URI" "$OUT/initial.ldif"
log "2. edusync 1 % churn"
next_inbox
measure edusync.churn "$BUILD/daemon/edusync" --config "$OUT/ldap.yaml" run --settle-ms 0 --today 2026-01-30
next_inbox
measure pipeline.churn "$BUILD/daemon/edusync" --config "$OUT/journal.yaml" run --settle-ms 0 --today 2026-01-30
dump "$OUT/edusync" "$URI" "$OUT/churn.ldif"
log "5. paged read of the whole base"
measure read.paged dump "$OUT/edusync" "$URI" "$OUT/read.ldif"

log "3. change-by-change client: ldapadd -c, ldapmodify -c"
python3 "$ROOT/bench/ldap_ldif.py" initial "$OUT/initial.ldif" >"$OUT/client-initial.ldif" 2>"$OUT/client-initial.json"
python3 "$ROOT/bench/ldap_ldif.py" churn "$OUT/initial.ldif" "$OUT/churn.ldif" >"$OUT/client-churn.ldif" 2>"$OUT/client-churn.json"
CLIENT=$(start_slapd "$OUT/client")
measure client.initial ldapadd -c -x -H "$CLIENT" -D "$ADMIN" -y "$OUT/client/bind.secret" -f "$OUT/client-initial.ldif"
measure client.churn ldapmodify -c -x -H "$CLIENT" -D "$ADMIN" -y "$OUT/client/bind.secret" -f "$OUT/client-churn.ldif"
stop_slapd "$OUT/client"

log "4. slapadd -q of the first load (offline)"
throwaway_slapd_conf "$OUT/offline" "$BASE" bench-secret "$MAXSIZE"
measure slapadd.initial slapadd -q -f "$OUT/offline/slapd.conf" -l "$OUT/initial.ldif"

entries=$(grep -c '^dn: ' "$OUT/initial.ldif")
users=$(grep -c '^dn: uid=' "$OUT/initial.ldif")
ratio() { python3 -c "print(f'{float($1) / float($2):.1f}')"; }
{
  echo "# SambaEdu LDAP target — benchmark ($(date -u +%F), $(nproc) cores, slapd mdb, fsync on)"
  echo
  echo "$PUPILS pupils in one school: $entries entries after the first load ($users accounts)."
  echo "Churn: $(cat "$OUT/churn.json")"
  echo "Change-by-change LDIF operations: initial $(cat "$OUT/client-initial.json"), churn $(cat "$OUT/client-churn.json")."
  echo
  echo "| step | seconds |"
  echo "|---|---|"
  while IFS=$'\t' read -r label secs; do echo "| $label | $secs |"; done <"$OUT/measure.tsv"
  echo
  echo "- initial load: edusync run $(seconds edusync.initial) s, of which the pipeline without LDAP $(seconds pipeline.initial) s;"
  echo "  change-by-change client $(seconds client.initial) s: $(ratio "$(seconds client.initial)" "$(seconds edusync.initial)")x slower than the whole edusync run;"
  echo "  slapadd -q $(seconds slapadd.initial) s: edusync is $(ratio "$(seconds edusync.initial)" "$(seconds slapadd.initial)")x the offline ceiling."
  echo "- churn: edusync run $(seconds edusync.churn) s (pipeline alone $(seconds pipeline.churn) s);"
  echo "  change-by-change client $(seconds client.churn) s: $(ratio "$(seconds client.churn)" "$(seconds edusync.churn)")x."
  echo "- paged read of the whole base (ldapsearch -E pr=1000): $(seconds read.paged) s."
} >"$OUT/RESULTS.md"
cat "$OUT/RESULTS.md"
