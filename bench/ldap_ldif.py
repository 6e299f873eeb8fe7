#!/usr/bin/env python3
"""Change-by-change LDIF for the LDAP benchmark: how SE3's import talks to the directory.

    ldap_ldif.py initial DUMP.ldif            > changes.ldif
    ldap_ldif.py churn   BEFORE.ldif AFTER.ldif > changes.ldif

DUMP/BEFORE/AFTER are `ldapsearch -LLL -o ldif-wrap=no` dumps of the base (edusync's result).
`initial`: the branches, one add per account, one add per group without members, then one
modify per membership (memberUid value). `churn`: what turns BEFORE into AFTER, one operation
per account change (add, modrdn to/from ou=Trash, one modify carrying the account's changed
attributes) and one modify per membership added or removed. Counts go to stderr as JSON.
"""
import json
import sys

MEMBERS = ("memberuid", "member")


def parse(path):
    """dn -> list of (attribute, raw value line part) in order; values kept as written."""
    entries, current = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            current = None
            continue
        if line.startswith("#"):
            continue
        name, _, rest = line.partition(":")
        if name == "dn":
            dn = rest[1:].strip() if rest.startswith(":") else rest.strip()
            current = entries.setdefault(dn, [])
        elif current is not None:
            current.append((name, rest))
    return entries


def rdn_value(dn):
    return dn.split(",", 1)[0].split("=", 1)[1].lower()


def parent(dn):
    return dn.split(",", 1)[1].lower()


def record(dn, lines):
    return "dn: " + dn + "\n" + "".join(line + "\n" for line in lines) + "\n"


def attr_line(name, rest):
    return name + ":" + rest


class Writer:
    def __init__(self):
        self.out, self.counts = [], {}

    def emit(self, kind, dn, lines):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.out.append(record(dn, lines))


def add_entry(w, dn, attrs):
    w.emit("add", dn, ["changetype: add"] + [attr_line(n, r) for n, r in attrs if n.lower() not in MEMBERS])
    for n, r in attrs:
        if n.lower() in MEMBERS:
            w.emit("modify_member", dn, ["changetype: modify", "add: " + n, attr_line(n, r), "-"])


def initial(dump):
    w = Writer()
    entries = parse(dump)
    depth = sorted(entries, key=lambda dn: dn.count(","))
    base_depth = min(dn.count(",") for dn in entries)
    for dn in depth:
        if dn.count(",") == base_depth or dn.lower().startswith("sambadomainname="):
            continue  # the base and the domain exist in the baseline server beforehand
        add_entry(w, dn, entries[dn])
    return w


def churn(before_path, after_path):
    w = Writer()
    before, after = parse(before_path), parse(after_path)
    by_rdn_before = {(rdn_value(dn), dn.split(",", 1)[0].split("=")[0].lower()): dn for dn in before}
    for dn, attrs in after.items():
        old_dn = dn if dn in before else None
        if old_dn is None:
            key = (rdn_value(dn), dn.split(",", 1)[0].split("=")[0].lower())
            moved = by_rdn_before.get(key)
            if moved and moved not in after and parent(moved) != parent(dn):
                w.emit("modrdn", moved, ["changetype: modrdn", "newrdn: " + dn.split(",", 1)[0], "deleteoldrdn: 1",
                                         "newsuperior: " + dn.split(",", 1)[1]])
                old_dn = moved
        if old_dn is None:
            add_entry(w, dn, attrs)
            continue
        old = before[old_dn]
        changed = []
        for name in sorted({n for n, _ in attrs} | {n for n, _ in old}):
            if name.lower() in MEMBERS:
                continue
            new_values = [r for n, r in attrs if n == name]
            old_values = [r for n, r in old if n == name]
            if sorted(new_values) != sorted(old_values):
                changed += ["replace: " + name] + [attr_line(name, r) for r in new_values] + ["-"]
        if changed:
            w.emit("modify_account", dn, ["changetype: modify"] + changed)
        for name in MEMBERS:
            new_values = {r for n, r in attrs if n.lower() == name}
            old_values = {r for n, r in old if n.lower() == name}
            real = next((n for n, _ in attrs + old if n.lower() == name), name)
            for r in sorted(new_values - old_values):
                w.emit("modify_member", dn, ["changetype: modify", "add: " + real, attr_line(real, r), "-"])
            for r in sorted(old_values - new_values):
                w.emit("modify_member", dn, ["changetype: modify", "delete: " + real, attr_line(real, r), "-"])
    moved_away = {dn for dn in before if dn not in after}
    for dn in moved_away:
        key = (rdn_value(dn), dn.split(",", 1)[0].split("=")[0].lower())
        if not any((rdn_value(a), a.split(",", 1)[0].split("=")[0].lower()) == key for a in after):
            w.emit("delete", dn, ["changetype: delete"])
    return w


def main():
    if sys.argv[1] == "initial":
        w = initial(sys.argv[2])
    else:
        w = churn(sys.argv[2], sys.argv[3])
    sys.stdout.write("".join(w.out))
    json.dump(w.counts, sys.stderr)
    sys.stderr.write("\n")


if __name__ == "__main__":
    main()
