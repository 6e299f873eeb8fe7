#!/usr/bin/env bash
# Should the SambaEdu connector write in LDAP transactions (RFC 5805)? Measure
# before adopting. This probe uses only OpenLDAP's own client, so that what it finds is the
# server's behaviour, not edusync's:
#
#   bench/ldap_txn_probe.sh [TRANSACTIONS]      (default 300)
#
#   1. speed: 2 000 adds by `ldapadd -c` (one disk sync per write), then 2 000 more in one
#      transaction by `ldapmodify -E txn=commit`, into a throw-away slapd (mdb, fsync on);
#   2. safety: TRANSACTIONS transactions of 10 adds each, one in four carrying an add the
#      schema refuses (so that its commit fails, as when a real entry is refused); after each,
#      is slapd still answering? A crash is counted and slapd restarted on the same database.
# Prints one line per measure; writes nothing outside bench/out/txn-probe.
set -uo pipefail

N=${1:-300}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/txn-probe
BASE="ou=probe,o=edusync"
rm -rf "$OUT" && mkdir -p "$OUT"
# shellcheck source=../tools/slapd/throwaway.sh
EDUSYNC_ROOT=$ROOT
. "$ROOT/tools/slapd/throwaway.sh"
URI=$(throwaway_slapd_start "$OUT/slapd" "$BASE" probe probe-secret 1073741824)
trap 'throwaway_slapd_stop "$OUT/slapd"' EXIT
client() { "$@" -x -H "$URI" -D "cn=admin,$BASE" -y "$OUT/slapd/bind.secret"; }
alive() { ldapsearch -x -H "$URI" -b '' -s base 1.1 >/dev/null 2>&1; }

adds() {  # adds PREFIX COUNT [bad]: LDIF of COUNT adds (changetype records), plus a refused one
  local i
  for i in $(seq "$2"); do
    printf 'dn: cn=%s-%s,%s\nchangetype: add\nobjectClass: person\ncn: %s-%s\nsn: probe\n\n' \
      "$1" "$i" "$BASE" "$1" "$i"
  done
  # person does not allow uidNumber: object class violation, the whole transaction fails
  [ "${3:-}" = bad ] &&
    printf 'dn: cn=%s-bad,%s\nchangetype: add\nobjectClass: person\ncn: %s-bad\nsn: probe\nuidNumber: 1\n\n' \
      "$1" "$BASE" "$1"
}

seconds() { python3 -c "print(f'{$2 - $1:.2f}')"; }

adds plain 2000 >"$OUT/plain.ldif"
adds txn 2000 >"$OUT/txn.ldif"
start=$(date +%s.%N)
client ldapmodify -c -f "$OUT/plain.ldif" >/dev/null
middle=$(date +%s.%N)
client ldapmodify -E txn=commit -f "$OUT/txn.ldif" >/dev/null
end=$(date +%s.%N)
echo "speed: 2000 adds one by one $(seconds "$start" "$middle") s; 2000 adds in one transaction $(seconds "$middle" "$end") s"

crashes=0 refused=0 committed=0
for t in $(seq "$N"); do
  bad=""
  [ $((t % 4)) -eq 0 ] && bad=bad
  adds "t$t" 10 "$bad" >"$OUT/t.ldif"
  if client ldapmodify -E txn=commit -f "$OUT/t.ldif" >/dev/null 2>&1; then
    committed=$((committed + 1))
  else
    refused=$((refused + 1))
  fi
  if ! alive; then
    crashes=$((crashes + 1))
    /usr/sbin/slapd -f "$OUT/slapd/slapd.conf" -h "$URI/" >>"$OUT/slapd/slapd.log" 2>&1
    for _ in $(seq 50); do alive && break; sleep 0.1; done
  fi
done
echo "safety: $N transactions ($((N / 4)) with a refused write): committed $committed, failed $refused, slapd crashed $crashes times ($(slapd -VV 2>&1 | head -1 | sed 's/.*slapd //; s/ (.*//'))"
