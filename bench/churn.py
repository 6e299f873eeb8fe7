#!/usr/bin/env python3
"""Applies pupil churn to edusync-gen multi-school output, for the `edusync run` benchmark.

    churn.py --src GEN_DIR --dst NEXT_DIR [--fraction 0.005] [--every 10] [--seed 1]

edusync-gen has no "next export" mode, so the second export of the benchmark is the first one
(same seed, hence identical) with these edits, made on every `--every`-th school only:
  * departures:    current pupils removed from ElevesSansAdresses.xml (their ELEVE, OPTION,
                   STRUCTURES_ELEVE and BOURSE blocks) and their links from ResponsablesAvecAdresses.xml;
  * arrivals:      current pupils duplicated under a new ELEVE_ID / ELENOET / ID_NATIONAL (INE_RNIE,
                   INE_BEA renewed too: no DUPLICATE_INE), with copies of their guardian links
                   (siblings sharing guardians);
  * class changes: the D structure (division) of current pupils replaced by another division of
                   the same school, of the same level when there is one ("4e 28" -> "4e 31").
Each kind concerns `--fraction` of ALL current pupils of the academy (expected.json totals), spread
over the touched schools in proportion to their size; the three sets are disjoint.

Only the touched schools' Eleves and Responsables files are written, to NEXT_DIR/<UAI>/ (the other
files of the second export are the first export's, unchanged). Files stay ISO-8859-15 byte for
byte (latin-1 decoding maps every byte to one character and back). The generator writes one
element per line with tab indentation, which the regular expressions below rely on; the caller
checks the output with xmllint. A summary (JSON) goes to NEXT_DIR/churn.json and stdout.

New identifiers cannot collide with the generator's: ELEVE_ID >= 900000000 (the generator's are
6-7 digits), INEs of 8 digits + 3 letters (the generator writes 9 digits + 2 letters, or 10 + 1).
"""
import argparse
import json
import pathlib
import random
import re
import sys

ELEVE = re.compile(r'\t\t\t<ELEVE ELEVE_ID="(\d+)"[^>]*>\n.*?\t\t\t</ELEVE>\n', re.S)
# Per-pupil blocks of the OPTIONS, STRUCTURES and BOURSES sections.
BY_ID = re.compile(r'\t\t\t<(OPTION|STRUCTURES_ELEVE|BOURSE) ELEVE_ID="(\d+)"[^>]*>\n.*?\t\t\t</\1>\n', re.S)
LINK = re.compile(r'\t\t\t<RESPONSABLE_ELEVE>\n\t\t\t\t<ELEVE_ID>(\d+)</ELEVE_ID>\n.*?\t\t\t</RESPONSABLE_ELEVE>\n', re.S)
DIVISION = re.compile(r'(<CODE_STRUCTURE>)([^<]*)(</CODE_STRUCTURE>\s*<TYPE_STRUCTURE>D</TYPE_STRUCTURE>)')
ELENOET_ATTR = re.compile(r'ELENOET="\d*"')


def read(path):
    return path.read_bytes().decode("latin-1")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("latin-1"))


class NewIds:
    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return {"eleve_id": str(900000000 + self.n), "elenoet": str(900000 + self.n),
                "ine": "%08dBCH" % self.n, "ine_bea": "%08dBCB" % self.n}


def clone_eleve(block, old_id, ids):
    block = block.replace('ELEVE_ID="%s"' % old_id, 'ELEVE_ID="%s"' % ids["eleve_id"], 1)
    block = ELENOET_ATTR.sub('ELENOET="%s"' % ids["elenoet"], block, count=1)
    block = re.sub(r"<ELENOET>[^<]*</ELENOET>", "<ELENOET>%s</ELENOET>" % ids["elenoet"], block)
    block = re.sub(r"<ID_ELEVE_ETAB>[^<]*</ID_ELEVE_ETAB>", "<ID_ELEVE_ETAB>%s</ID_ELEVE_ETAB>" % ids["elenoet"], block)
    # A pupil without INE stays without: only existing values are renewed.
    block = re.sub(r"<ID_NATIONAL>[^<]+</ID_NATIONAL>", "<ID_NATIONAL>%s</ID_NATIONAL>" % ids["ine"], block)
    block = re.sub(r"<INE_RNIE>[^<]+</INE_RNIE>", "<INE_RNIE>%s</INE_RNIE>" % ids["ine"], block)
    block = re.sub(r"<INE_BEA>[^<]+</INE_BEA>", "<INE_BEA>%s</INE_BEA>" % ids["ine_bea"], block)
    return block


def clone_by_id(block, old_id, ids):
    block = block.replace('ELEVE_ID="%s"' % old_id, 'ELEVE_ID="%s"' % ids["eleve_id"], 1)
    return ELENOET_ATTR.sub('ELENOET="%s"' % ids["elenoet"], block, count=1)


def churn_school(src, dst, files, quota, rng, new_ids):
    """files: paths relative to src (expected.json); written to dst/<UAI>/<file name>."""
    eleves = read(src / files["eleves"])
    responsables = read(src / files["responsables"])

    divisions_of = {}  # ELEVE_ID -> D codes
    for m in BY_ID.finditer(eleves):
        if m.group(1) == "STRUCTURES_ELEVE":
            divisions_of[m.group(2)] = [d.group(2) for d in DIVISION.finditer(m.group(0))]
    current = []
    for m in ELEVE.finditer(eleves):
        codes = divisions_of.get(m.group(1), [])
        if "<DATE_SORTIE>" not in m.group(0) and any(c.strip() != "Inactifs" for c in codes):
            current.append(m.group(1))
    all_divisions = sorted({c for codes in divisions_of.values() for c in codes if c.strip() != "Inactifs"})

    quota = min(quota, len(current) // 3)
    chosen = rng.sample(current, 3 * quota)
    departures = set(chosen[:quota])
    arrivals = {old: new_ids.next() for old in chosen[quota:2 * quota]}
    movers = set(chosen[2 * quota:])

    def other_division(code):
        level = code.split()[0] if code.split() else ""
        same_level = [d for d in all_divisions if d != code and d.split() and d.split()[0] == level]
        pool = same_level or [d for d in all_divisions if d != code]
        return rng.choice(pool) if pool else code

    moved = 0

    def on_eleve(m):
        old = m.group(1)
        if old in departures:
            return ""
        if old in arrivals:
            return m.group(0) + clone_eleve(m.group(0), old, arrivals[old])
        return m.group(0)

    def on_block(m):
        nonlocal moved
        kind, old = m.group(1), m.group(2)
        block = m.group(0)
        if old in departures:
            return ""
        if kind == "STRUCTURES_ELEVE" and old in movers:
            first = DIVISION.search(block)
            if first and first.group(2).strip() != "Inactifs":
                new_code = other_division(first.group(2))
                if new_code != first.group(2):
                    moved += 1
                    block = block[:first.start(2)] + new_code + block[first.end(2):]
        if old in arrivals:
            return block + clone_by_id(block, old, arrivals[old])
        return block

    links = {"removed": 0, "added": 0}

    def on_link(m):
        old = m.group(1)
        if old in departures:
            links["removed"] += 1
            return ""
        if old in arrivals:
            links["added"] += 1
            clone = m.group(0).replace("<ELEVE_ID>%s</ELEVE_ID>" % old,
                                       "<ELEVE_ID>%s</ELEVE_ID>" % arrivals[old]["eleve_id"], 1)
            return m.group(0) + clone
        return m.group(0)

    eleves = ELEVE.sub(on_eleve, eleves)
    eleves = BY_ID.sub(on_block, eleves)
    responsables = LINK.sub(on_link, responsables)
    write(dst / pathlib.Path(files["eleves"]).name, eleves)
    write(dst / pathlib.Path(files["responsables"]).name, responsables)
    return {"current_pupils": len(current), "departures": len(departures), "arrivals": len(arrivals),
            "class_changes": moved, "links_removed": links["removed"], "links_added": links["added"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", required=True, type=pathlib.Path)
    parser.add_argument("--dst", required=True, type=pathlib.Path)
    parser.add_argument("--fraction", type=float, default=0.005, help="of all current pupils, per kind of change")
    parser.add_argument("--every", type=int, default=10, help="touch every N-th school")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    expected = json.loads((args.src / "expected.json").read_text())
    schools = expected["schools"]
    total_current = expected["totals"]["counts"]["current_pupils"]
    touched = schools[::args.every]
    touched_current = sum(s["counts"]["current_pupils"] for s in touched)
    target = round(args.fraction * total_current)
    rng = random.Random(args.seed)
    new_ids = NewIds()
    summary = {"fraction_per_kind": args.fraction, "academy_current_pupils": total_current,
               "target_per_kind": target, "schools_touched": len(touched), "schools_total": len(schools),
               "touched_current_pupils": 0, "departures": 0, "arrivals": 0, "class_changes": 0,
               "links_removed": 0, "links_added": 0, "files": []}
    for school in touched:
        quota = round(target * school["counts"]["current_pupils"] / touched_current)
        dst_dir = args.dst / school["uai"]
        result = churn_school(args.src, dst_dir, school["files"], quota, rng, new_ids)
        summary["touched_current_pupils"] += result.pop("current_pupils")
        for key, value in result.items():
            summary[key] += value
        for kind in ("eleves", "responsables"):
            summary["files"].append({"uai": school["uai"], "kind": kind,
                                     "path": str(dst_dir / pathlib.Path(school["files"][kind]).name)})
    summary["churned_pupils"] = summary["departures"] + summary["arrivals"] + summary["class_changes"]
    summary["churned_ratio"] = summary["churned_pupils"] / total_current
    (args.dst / "churn.json").write_text(json.dumps(summary, indent=1))
    brief = {k: v for k, v in summary.items() if k != "files"}
    json.dump(brief, sys.stdout)
    print()


if __name__ == "__main__":
    main()
