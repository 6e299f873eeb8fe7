"""Independent check of the timetable exports of edusync-gen --timetables (used by
verify_expected.py). Parses the written files, joins them with the SIECLE / STS-web files by the
rules of docs/timetables.md and compares the warnings with the "timetable" object of
expected.json. The sealed container is opened with the openssl command when the key is there."""
import base64
import hashlib
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
import zlib
from datetime import date
from pathlib import Path

from verify_expected import dmy, fold, load, text


def local(tag):
    return tag.rsplit("}", 1)[-1]


def rows(root, name):
    return [e for e in root.iter() if local(e.tag) == name]


def key(nom, prenom, birth):
    return fold(nom) + "|" + fold(prenom) + "|" + (birth or "")


def iso_of_dmy(value):
    return dmy(value).isoformat() if value else ""


class Siecle:
    """Current pupils by key, SIECLE group members, known group codes, STS staff."""

    def __init__(self, files):
        root = load(files["eleves"])
        self.export = dmy(text(root.find("PARAMETRES"), "DATE_EXPORT"))
        structures = {}
        for se in root.iter("STRUCTURES_ELEVE"):
            for s in se.iter("STRUCTURE"):
                structures.setdefault(se.get("ELEVE_ID"), []).append((text(s, "TYPE_STRUCTURE"),
                                                                     text(s, "CODE_STRUCTURE")))
        self.by_key, self.members = {}, {}
        for e in root.iter("ELEVE"):
            eid, exit_ = e.get("ELEVE_ID"), text(e, "DATE_SORTIE")
            mine = structures.get(eid, [])
            if not any(t == "D" and c != "Inactifs" for t, c in mine) or (exit_ and dmy(exit_) <= self.export):
                continue
            birth = iso_of_dmy(text(e, "DATE_NAISS"))
            self.by_key.setdefault(key(text(e, "NOM_DE_FAMILLE"), text(e, "PRENOM"), birth), []).append(eid)
            for t, c in mine:
                if t == "G":
                    self.members.setdefault(c, set()).add(eid)
        self.groups = {text(g, "CODE_STRUCTURE") for g in load(files["structures"]).iter("GROUPE")}
        sts = load(files["sts"])
        self.groups |= {g.get("CODE") for g in sts.iter("GROUPE")}
        serving = {t.get("ID") for t in sts.find("DONNEES/STRUCTURE").iter("ENSEIGNANT")}
        self.staff = {}
        for i in sts.iter("INDIVIDU"):
            if text(i, "FONCTION") or i.get("ID") in serving:
                name = fold(text(i, "NOM_USAGE")) + "|" + fold(text(i, "PRENOM"))
                self.staff.setdefault(name, []).append(text(i, "DATE_NAISSANCE"))

    def resolve(self, k):
        found = self.by_key.get(k, [])
        return found[0] if len(found) == 1 else None

    def teacher_matches(self, nom, prenom, birth):
        dates = self.staff.get(fold(nom) + "|" + fold(prenom), [])
        return sum(1 for d in dates if not (birth and d) or d == birth)


def warnings(siecle, pupils, groups, memberships, teachers):
    """pupils: keys; groups: codes; memberships: {code: set of keys}; teachers: (nom, prenom, birth)."""
    found = [len(siecle.by_key.get(k, [])) for k in pupils]
    matches = [siecle.teacher_matches(*t) for t in teachers]
    mismatch = 0
    for code, members in siecle.members.items():
        mismatch += {siecle.resolve(k) for k in memberships.get(code, set())} != members
    return {"TIMETABLE_UNMATCHED_PUPIL": found.count(0),
            "TIMETABLE_AMBIGUOUS_PUPIL": sum(1 for n in found if n >= 2),
            "TIMETABLE_UNKNOWN_GROUP": len(set(groups) - siecle.groups),
            "TIMETABLE_UNMATCHED_TEACHER": matches.count(0),
            "GROUP_MEMBERSHIP_MISMATCH": mismatch,
            "TIMETABLE_AMBIGUOUS_TEACHER": sum(1 for n in matches if n >= 2)}


def edt(siecle, root):
    part_group, declared = {}, [g for c in rows(root, "Groupes") for g in c]  # not Cours/Groupe
    for g in declared:
        for p in g:
            part_group.setdefault(p.get("Ident"), []).append(g.get("Nom"))
    pupils, memberships = [], {}
    for e in rows(root, "Eleve"):
        k = key(e.get("Nom"), e.get("Prenom"), e.get("DateNaissance"))
        pupils.append(k)
        for link in e:
            current = date.fromisoformat(link.get("DateEntree")) <= siecle.export <= date.fromisoformat(
                link.get("DateSortie"))
            if local(link.tag) == "PartieDeClasse" and current:
                for code in part_group.get(link.get("Ident"), []):
                    memberships.setdefault(code, set()).add(k)
    groups = [g.get("Nom") for g in declared]
    teachers = [(p.get("Nom"), p.get("Prenom"), p.get("DateNaissance")) for c in rows(root, "Professeurs")
                for p in c]
    return warnings(siecle, pupils, groups, memberships, teachers)


def udt(siecle, path):
    with zipfile.ZipFile(path) as z:
        members = {Path(n).stem.lower(): ET.fromstring(z.read(n)) for n in z.namelist()}
    by_code = {e.get("code"): key(e.get("nom"), e.get("prenom"), iso_of_dmy(e.get("naissance")))
               for e in rows(members["udcal_10"], "eleve")}
    gpe = {(g.get("code_div"), g.get("code")): g.get("code_sts") for g in rows(members["udcal_19"], "gpe")}
    memberships = {}
    for m in rows(members["udcal_21"], "ele_gpe"):
        memberships.setdefault(gpe[(m.get("code_div"), m.get("gpe"))], set()).add(by_code[m.get("ele")])
    teachers = [(p.get("nom"), p.get("prenom"), iso_of_dmy(p.get("date_naissance")))
                for p in rows(members["udcal_04"], "prof")]
    return warnings(siecle, list(by_code.values()), set(gpe.values()), memberships, teachers)


def course_teachers(siecle, names):
    """names: distinct folded 'NOM Prénom'."""
    staff = {}
    for name, dates in siecle.staff.items():
        staff[name.replace("|", " ")] = len(dates)
    found = [staff.get(n, 0) for n in names]
    return {"TIMETABLE_UNMATCHED_TEACHER": found.count(0),
            "TIMETABLE_AMBIGUOUS_TEACHER": sum(1 for n in found if n >= 2)}


def exp_cours(siecle, root):
    names = set()
    for c in root.iter("Cours"):
        for nom, prenom in zip(text(c, "PROF_NOM").split(","), text(c, "PROF_PRENOM").split(",")):
            if nom:
                names.add(fold(nom) + " " + fold(prenom))
    return course_teachers(siecle, names)


def udt_courses(siecle, path):
    lines = path.read_bytes().decode("iso-8859-15").split("\r\n")
    assert lines[0] == "Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire", lines[0]
    names = {fold(line.split(";")[4]) for line in lines[1:] if line and line.split(";")[4]}
    return course_teachers(siecle, names)


def unseal(path, key_path):
    doc = path.read_text()
    field = lambda pattern: base64.b64decode(re.search(pattern, doc, re.S).group(1))
    with tempfile.NamedTemporaryFile() as blob, tempfile.NamedTemporaryFile() as content:
        blob.write(field(r'<PARTENAIRE NOM="EDUSYNC">(.*?)</PARTENAIRE>')), blob.flush()
        keys = subprocess.run(["openssl", "pkeyutl", "-decrypt", "-inkey", str(key_path), "-in", blob.name,
                               "-pkeyopt", "rsa_padding_mode:pkcs1"], capture_output=True, check=True).stdout
        aes, iv, digest = keys[:16], keys[16:32], keys[32:]
        assert hashlib.md5(aes + iv).digest() == digest
        content.write(field(r"<CONTENU[^>]*>(.*?)</CONTENU>")), content.flush()
        clear = subprocess.run(["openssl", "enc", "-d", "-aes-128-cbc", "-K", aes.hex(), "-iv", iv.hex(), "-in",
                                content.name], capture_output=True, check=True).stdout
    assert hashlib.sha256(clear).digest() == field(r"<VERIFICATION>(.*?)</VERIFICATION>")
    return zlib.decompress(clear) if 'CompresseAvantChiffrement="true"' in doc else clear


def check_timetables(out: Path, school) -> list:
    tt, uai = school["timetable"], school["uai"]
    files = {k: out / v for k, v in tt["files"].items()}
    siecle = Siecle({k: out / v for k, v in school["files"].items()})
    found = {"edt": (tt["warnings"], edt(siecle, ET.parse(files["edt"]).getroot())),
             "udt": (tt["warnings"], udt(siecle, files["udt"])),
             "edt_courses": (tt["course_file_warnings"], exp_cours(siecle, ET.parse(files["edt_courses"]).getroot())),
             "udt_courses": (tt["course_file_warnings"], udt_courses(siecle, files["udt_courses"]))}
    errors = [f"{uai} {kind} {code}: expected.json {expected[code]}, files {value}"
              for kind, (expected, computed) in found.items() for code, value in computed.items()
              if expected[code] != value]
    if "edt_key" in files:
        clear = unseal(files["edt_encrypted"], files["edt_key"])
        if clear != b"\xef\xbb\xbf" + files["edt"].read_bytes():
            errors.append(f"{uai} edt_encrypted: content is not the clear export")
    return errors
