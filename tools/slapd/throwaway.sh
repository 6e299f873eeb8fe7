# Throw-away SambaEdu-shaped slapd on a free loopback port, for the demo (edusync.sh) and the
# LDAP benchmark (bench/ldap_bench.sh); the tests have their own C++ fixture
# (tests/support/slapd_fixture.hpp). Source this file, then:
#   throwaway_slapd_start DIR BASE OU SECRET [MAXSIZE]   prints the ldap:// URI
#   throwaway_slapd_stop DIR
# DIR holds slapd.conf, the mdb database (fsync on, as in production), slapd.pid, slapd.log and
# bind.secret (0600). The root DN is cn=admin,BASE. BASE is created with a sambaDomain entry.
# Needs EDUSYNC_ROOT (the repository, for schemas/samba.schema).

throwaway_slapd_conf() {  # DIR BASE SECRET MAXSIZE
  local dir=$1 schema
  mkdir -p "$dir/db"
  {
    for schema in core cosine nis inetorgperson; do echo "include /etc/ldap/schema/$schema.schema"; done
    echo "include $EDUSYNC_ROOT/schemas/samba.schema"
    echo "pidfile $dir/slapd.pid"
    echo "modulepath /usr/lib/ldap"
    echo "moduleload back_mdb"
    echo "sizelimit unlimited"
    echo "database mdb"
    echo "maxsize $4"
    echo "suffix \"$2\""
    echo "rootdn \"cn=admin,$2\""
    echo "rootpw $3"
    echo "directory $dir/db"
    echo "index objectClass,uid,cn,memberUid,employeeNumber eq"
  } >"$dir/slapd.conf"
  (umask 077 && printf '%s' "$3" >"$dir/bind.secret")
}

throwaway_slapd_start() {  # DIR BASE OU SECRET [MAXSIZE]
  local dir=$1 base=$2 port
  throwaway_slapd_conf "$dir" "$base" "$4" "${5:-268435456}"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  /usr/sbin/slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" >"$dir/slapd.log" 2>&1
  for _ in $(seq 100); do
    ldapsearch -x -H "ldap://127.0.0.1:$port" -b '' -s base 1.1 >/dev/null 2>&1 && break
    sleep 0.1
  done
  ldapadd -x -H "ldap://127.0.0.1:$port" -D "cn=admin,$base" -y "$dir/bind.secret" >/dev/null <<LDIF
dn: $base
objectClass: organizationalUnit
ou: $3

dn: sambaDomainName=SAMBAEDU,$base
objectClass: sambaDomain
sambaDomainName: SAMBAEDU
sambaSID: S-1-5-21-3090069703-3667237465-1667192555
sambaNextRid: 1000
LDIF
  echo "ldap://127.0.0.1:$port"
}

throwaway_slapd_stop() {  # DIR
  [ -f "$1/slapd.pid" ] && kill "$(cat "$1/slapd.pid")" 2>/dev/null || true
}
