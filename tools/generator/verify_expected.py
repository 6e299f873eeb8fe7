#!/usr/bin/env python3
"""Independent check of an edusync-gen output directory.

Parses the written exports (not the generator's model) with the rules of
expected.json and compares every count and warning (with --timetables, also the
timetable warnings: verify_timetables.py). Usage:
    verify_expected.py DIR        exit status 0 = all counts match
"""
import json
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path


def load(path: Path) -> ET.Element:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.endswith(".xml")]
            assert len(names) == 1, names
            return ET.fromstring(z.read(names[0]))
    return ET.parse(path).getroot()


def text(el, tag):
    child = el.find(tag)
    return (child.text or "").strip() if child is not None else ""


def dmy(value):
    d, m, y = value.split("/")
    return date(int(y), int(m), int(d))


def fold(name):
    name = name.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def pupils(root):
    export = dmy(text(root.find("PARAMETRES"), "DATE_EXPORT"))
    eleves = {e.get("ELEVE_ID"): e for e in root.iter("ELEVE")}
    divisions, groups = {}, {}
    for se in root.iter("STRUCTURES_ELEVE"):
        for s in se.iter("STRUCTURE"):
            kind = divisions if text(s, "TYPE_STRUCTURE") == "D" else groups
            kind.setdefault(se.get("ELEVE_ID"), []).append(text(s, "CODE_STRUCTURE"))
    current = set()
    for eid, e in eleves.items():
        exit_ = text(e, "DATE_SORTIE")
        if any(d != "Inactifs" for d in divisions.get(eid, [])) and not (exit_ and dmy(exit_) <= export):
            current.add(eid)
    memberships = sum(len(groups.get(eid, [])) for eid in current)
    return eleves, divisions, current, memberships


def pupil_warnings(eleves, divisions, current):
    ines = {}
    w = {"MISSING_INE": 0, "MISSING_SEX": 0, "MISSING_BIRTHDATE": 0, "MULTIPLE_DIVISIONS": 0}
    for eid in current:
        e = eleves[eid]
        ine = text(e, "ID_NATIONAL") or text(e, "INE_RNIE")
        if ine:
            ines[ine] = ines.get(ine, 0) + 1
        w["MISSING_INE"] += not ine
        w["MISSING_SEX"] += not text(e, "CODE_SEXE")
        w["MISSING_BIRTHDATE"] += not text(e, "DATE_NAISS")
        w["MULTIPLE_DIVISIONS"] += len(divisions[eid]) >= 2
    w["DUPLICATE_INE"] = sum(1 for n in ines.values() if n >= 2)
    return w


def responsables(root, eleves, current):
    post2018 = root.get("VERSION") >= "2"
    persons = {p.get("PERSONNE_ID"): p for p in root.iter("PERSONNE")}
    links = list(root.iter("RESPONSABLE_ELEVE"))
    guardians, in_charge, contacts, unknown = set(), set(), set(), 0
    for link in links:
        eid, pid = text(link, "ELEVE_ID"), text(link, "PERSONNE_ID")
        unknown += eid not in eleves
        if eid not in current:
            continue
        if post2018:
            level = text(link, "NIVEAU_RESPONSABILITE")
            {"1": guardians, "2": in_charge}.get(level, contacts).add(pid)
        else:
            (guardians if text(link, "RESP_LEGAL") in ("1", "2") else contacts).add(pid)
    in_charge -= guardians
    contacts -= guardians | in_charge
    groups = {}
    for pid in guardians:
        p = persons[pid]
        name = fold(text(p, "NOM_DE_FAMILLE")) + "|" + fold(text(p, "PRENOM"))
        for contact in (text(p, "TEL_PORTABLE"), text(p, "MEL")):
            if contact:
                groups.setdefault((name, contact), set()).add(pid)
    pairs = set()
    for members in groups.values():
        ms = sorted(members)
        pairs.update((a, b) for i, a in enumerate(ms) for b in ms[i + 1:])
    counts = {"persons": len(persons), "guardians": len(guardians), "persons_in_charge": len(in_charge),
              "contacts": len(contacts), "responsable_links": len(links)}
    return counts, {"DUPLICATE_GUARDIAN": len(pairs), "UNKNOWN_PUPIL_REFERENCE": unknown}


def sts(root):
    individus = {i.get("ID"): i for i in root.iter("INDIVIDU")}
    triples, unknown, serving = set(), 0, set()
    for kind in ("DIVISION", "GROUPE"):
        for s in root.find("DONNEES/STRUCTURE").iter(kind):
            for service in s.iter("SERVICE"):
                for t in service.iter("ENSEIGNANT"):
                    if t.get("ID") not in individus:
                        unknown += 1
                        continue
                    serving.add(t.get("ID"))
                    triples.add((t.get("ID"), kind, s.get("CODE"), service.get("CODE_MATIERE")))
    staff = [i for i, el in individus.items() if text(el, "FONCTION") or i in serving]
    idle = [i for i, el in individus.items() if text(el, "FONCTION") == "ENS" and i not in serving]
    teachers = [i for i, el in individus.items() if text(el, "FONCTION") == "ENS"]
    counts = {"staff": len(staff), "teachers": len(teachers), "ignored_individus": len(individus) - len(staff),
              "individus": len(individus), "services": len(triples),
              "divisions": len(root.findall("DONNEES/STRUCTURE/DIVISIONS/DIVISION")),
              "groups": len(root.findall("DONNEES/STRUCTURE/GROUPES/GROUPE")),
              "subjects": len(root.findall("NOMENCLATURES/MATIERES/MATIERE"))}
    return counts, {"TEACHER_WITHOUT_SERVICE": len(idle), "UNKNOWN_STAFF_REFERENCE": unknown}


def check_school(out: Path, school) -> list:
    files = {k: out / v for k, v in school["files"].items()}
    eleves, divisions, current, memberships = pupils(load(files["eleves"]))
    counts = {"eleve_records": len(eleves), "current_pupils": len(current),
              "departed_pupils": len(eleves) - len(current), "siecle_group_memberships": memberships}
    warnings = pupil_warnings(eleves, divisions, current)
    c, w = responsables(load(files["responsables"]), eleves, current)
    counts.update(c), warnings.update(w)
    c, w = sts(load(files["sts"]))
    counts.update(c), warnings.update(w)
    errors = []
    structures = load(files["structures"])
    matieres = load(files["nomenclature"]).findall("DONNEES/MATIERES/MATIERE")
    for key, value in (("divisions", len(structures.findall("DONNEES/DIVISIONS/DIVISION"))),
                       ("groups", len(structures.findall("DONNEES/GROUPES/GROUPE"))), ("subjects", len(matieres))):
        if school["counts"][key] != value:
            errors.append(f"{school['uai']} {key}: expected.json {school['counts'][key]}, SIECLE files {value}")
    for section, found in (("counts", counts), ("warnings", warnings)):
        for key, value in found.items():
            if school[section][key] != value:
                errors.append(f"{school['uai']} {key}: expected.json {school[section][key]}, files {value}")
    if "timetable" in school:  # --timetables
        from verify_timetables import check_timetables
        errors += check_timetables(out, school)
    return errors


def main():
    out = Path(sys.argv[1])
    expected = json.loads((out / "expected.json").read_text())
    errors = [e for school in expected["schools"] for e in check_school(out, school)]
    print("\n".join(errors) or f"OK: {len(expected['schools'])} school(s) match expected.json")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
