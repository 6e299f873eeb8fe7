#!/usr/bin/env bash
# SambaEdu LDAP target benchmark, against local slapd servers (mdb, fsync on as in
# production: no dbnosync), all on loopback:
#
#   bench/ldap_bench.sh BUILD_DIR [PUPILS]     (default 100000 pupils, one school)
#
#   1. edusync run, first load, `ldap-sambaedu` connector: accounts, groups created with their
#      members, pipelined (EDUSYNC_TRACE_MEMORY=1: the LDAP stage is timed on its own);
#   2. edusync run on a 1 % churn export (bench/churn.py);
#   3. edusync run again on the same export: nothing to write, the connector still reads the
#      whole directory and compares (the nightly reconciliation);
#   4. the change-by-change client SE3's import is: `ldapadd -c` / `ldapmodify -c` of the
#      equivalent LDIF (bench/ldap_ldif.py: one operation per account, one per membership) into
#      a second slapd seeded the same way;
#   5. `slapadd -q` of the first load's entries into an empty database (the offline ceiling);
#   6. a paged read of the whole base by ldapsearch (-E pr=1000);
#   7. bench/ldap_txn_probe.sh: LDAP transactions, speed and safety.
# Results: bench/out/ldap/RESULTS.md (and measure.tsv); nothing outside bench/out/ldap.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [PUPILS]" >&2; exit 2; }
BUILD=$(realpath "$1")
PUPILS=${2:-100000}
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

# login_policy prenom.nom: with SE3's 8-character style, 100 000 pupils in one school run out of
# homonym numbers (a first try left 83 289 persons without a login: LOGIN_COLLISIONS_EXHAUSTED).
config() {  # config NAME CONNECTOR-LINE
  cat >"$OUT/$1.yaml" <<YAML
school: {uai: 0069500U, name: "Collège de mesure"}
state_dir: $OUT/$1-state
inbox: $OUT/inbox
safety: {max_departure_ratio: 1.0}
identity: {uid_range: {first: 1001, last: 900000}, login_policy: prenom.nom}
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

edusync() { EDUSYNC_TRACE_MEMORY=1 "$BUILD/daemon/edusync" --config "$OUT/ldap.yaml" run --settle-ms 0 --today "$1"; }
# ldap_stage LABEL: seconds of the connector stage (trace line "connectors applied" minus the
# line before it, "state committed").
ldap_stage() {
  awk '/^memory / { if ($4 == "connectors") { printf "%.2f\n", $2 - last } last = $2 }' "$OUT/$1.err"
}
writes() { sed -n 's/.*sambaedu (ldap-sambaedu) : [a-z]*, \([0-9]*\) \/ \([0-9]*\).*/\1 written, \2 refused/p' "$OUT/$1.out"; }

log "1. edusync first load (ldap-sambaedu)"
first_inbox
measure edusync.initial edusync 2026-01-16
dump "$OUT/edusync" "$URI" "$OUT/initial.ldif"
log "2. edusync 1 % churn"
next_inbox
measure edusync.churn edusync 2026-01-30
dump "$OUT/edusync" "$URI" "$OUT/churn.ldif"
log "3. edusync again, nothing changed: reconciliation only"
measure edusync.nochange edusync 2026-01-31
log "6. paged read of the whole base"
measure read.paged dump "$OUT/edusync" "$URI" "$OUT/read.ldif"

log "4. change-by-change client: ldapadd -c, ldapmodify -c"
python3 "$ROOT/bench/ldap_ldif.py" initial "$OUT/initial.ldif" >"$OUT/client-initial.ldif" 2>"$OUT/client-initial.json"
python3 "$ROOT/bench/ldap_ldif.py" churn "$OUT/initial.ldif" "$OUT/churn.ldif" >"$OUT/client-churn.ldif" 2>"$OUT/client-churn.json"
CLIENT=$(start_slapd "$OUT/client")
measure client.initial ldapadd -c -x -H "$CLIENT" -D "$ADMIN" -y "$OUT/client/bind.secret" -f "$OUT/client-initial.ldif"
measure client.churn ldapmodify -c -x -H "$CLIENT" -D "$ADMIN" -y "$OUT/client/bind.secret" -f "$OUT/client-churn.ldif"
stop_slapd "$OUT/client"

log "5. slapadd -q of the first load (offline)"
throwaway_slapd_conf "$OUT/offline" "$BASE" bench-secret "$MAXSIZE"
measure slapadd.initial slapadd -q -f "$OUT/offline/slapd.conf" -l "$OUT/initial.ldif"

log "7. LDAP transactions: speed and safety"
"$ROOT/bench/ldap_txn_probe.sh" 1000 >"$OUT/txn-probe.txt" 2>&1 || true
cat "$OUT/txn-probe.txt"

entries=$(grep -c '^dn: ' "$OUT/initial.ldif")
users=$(grep -c '^dn: uid=' "$OUT/initial.ldif")
ratio() { python3 -c "print(f'{float($1) / float($2):.2f}')"; }
s() { seconds "$1"; }
{
  echo "### SambaEdu LDAP target ($(date -u +%FT%TZ), $(nproc) cores, $(slapd -VV 2>&1 | head -1 | sed 's/.*slapd //; s/ (.*//'), mdb, fsync on)"
  echo
  echo "Build $(git -C "$ROOT" rev-parse --short HEAD) ($(grep -m1 CMAKE_BUILD_TYPE "$BUILD/CMakeCache.txt" | cut -d= -f2)); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$PUPILS pupils in one school: $entries entries after the first load ($users accounts)."
  echo "Churn: $(cat "$OUT/churn.json")"
  echo "Change-by-change LDIF operations: initial $(cat "$OUT/client-initial.json"), churn $(cat "$OUT/client-churn.json")."
  echo "edusync writes: initial $(writes edusync.initial); churn $(writes edusync.churn); no change $(writes edusync.nochange)."
  echo
  echo "| step | whole run, s | LDAP stage, s |"
  echo "|---|---:|---:|"
  while IFS=$'\t' read -r label secs; do
    stage=""
    [ -f "$OUT/$label.err" ] && stage=$(ldap_stage "$label")
    echo "| $label | $secs | $stage |"
  done <"$OUT/measure.tsv"
  echo
  echo "- initial load: change-by-change client $(s client.initial) s; edusync $(s edusync.initial) s for the whole run"
  echo "  ($(ratio "$(s client.initial)" "$(s edusync.initial)")x faster), $(ldap_stage edusync.initial) s for its LDAP stage ($(ratio "$(s client.initial)" "$(ldap_stage edusync.initial)")x);"
  echo "  slapadd -q $(s slapadd.initial) s: edusync's whole run is $(ratio "$(s edusync.initial)" "$(s slapadd.initial)")x the offline ceiling."
  echo "- 1 % churn: change-by-change client $(s client.churn) s; edusync $(s edusync.churn) s for the whole run"
  echo "  ($(ratio "$(s client.churn)" "$(s edusync.churn)")x), $(ldap_stage edusync.churn) s for its LDAP stage, reading the directory included ($(ratio "$(s client.churn)" "$(ldap_stage edusync.churn)")x)."
  echo "- nothing changed: edusync $(s edusync.nochange) s, of which $(ldap_stage edusync.nochange) s reading and comparing the whole directory; ldapsearch's paged read of it: $(s read.paged) s."
  echo "- transactions probe: $(tr '\n' ' ' <"$OUT/txn-probe.txt")"
} >"$OUT/RESULTS.md"
cat "$OUT/RESULTS.md"
