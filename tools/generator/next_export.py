#!/usr/bin/env python3
"""Derives samples/college-next/ (a second export, two weeks later) from samples/college/.

The changes an operator meets between two exports: two departures (DATE_SORTIE), one arrival,
one class change, one corrected first name, a group renamed ("5 LAT" -> "5 LATIN") and a new
teacher. A pupil whose DATE_SORTIE falls between the two export dates leaves too, as in life. Files stay ISO-8859-15 (latin-1 decoding keeps every byte). Run from the repository
root; the output is committed, so the demo needs no Python.
"""
import pathlib
import re
import zipfile

SOURCE = pathlib.Path("samples/college")
TARGET = pathlib.Path("samples/college-next")
OLD_DATE, NEW_DATE = "15/01/2026", "29/01/2026"
ARRIVAL_ELENOET = "99901"  # free in samples/college (checked below)


def read(name):
    return (SOURCE / name).read_bytes().decode("latin-1")


def write(name, text):
    (TARGET / name).write_bytes(text.encode("latin-1"))


def current_pupils(eleves):
    """ELEVE_IDs with a division other than Inactifs and no DATE_SORTIE, in file order."""
    records = re.findall(r'<ELEVE ELEVE_ID="(\d+)".*?</ELEVE>', eleves, re.S)
    left = set(re.findall(r'<ELEVE ELEVE_ID="(\d+)"(?:(?!</ELEVE>).)*<DATE_SORTIE>', eleves, re.S))
    in_class = set(re.findall(r'<STRUCTURES_ELEVE ELEVE_ID="(\d+)"', eleves))
    return [r for r in records if r not in left and r in in_class]


def eleves_next():
    eleves = zipfile.ZipFile(SOURCE / "ExportXML_ElevesSansAdresses.zip").read("ElevesSansAdresses.xml").decode("latin-1")
    eleves = eleves.replace(OLD_DATE, NEW_DATE)
    pupils = current_pupils(eleves)
    for leaver in pupils[10:12]:  # departures
        eleves = re.sub(r'(<ELEVE ELEVE_ID="%s".*?)(</ELEVE>)' % leaver,
                        r"\1\t<DATE_SORTIE>20/01/2026</DATE_SORTIE>\n\t\t\t\2", eleves, count=1, flags=re.S)
    renamed = pupils[20]  # corrected first name
    eleves = re.sub(r'(<ELEVE ELEVE_ID="%s".*?<PRENOM>)([^<]*)' % renamed, r"\1\2-Marie", eleves, count=1, flags=re.S)
    mover = pupils[30]  # class change: to the other class of the same level
    block = re.search(r'<STRUCTURES_ELEVE ELEVE_ID="%s".*?</STRUCTURES_ELEVE>' % mover, eleves, re.S).group(0)
    division = re.search(r"<CODE_STRUCTURE>([^<]*)</CODE_STRUCTURE>\s*<TYPE_STRUCTURE>D", block).group(1)
    divisions = sorted(set(re.findall(r"<CODE_STRUCTURE>([^<]*)</CODE_STRUCTURE>\s*<TYPE_STRUCTURE>D", eleves)) - {"Inactifs"})
    other = next(code for code in divisions if code != division)
    eleves = eleves.replace(block, block.replace(division, other, 1))
    template = re.search(r'<ELEVE ELEVE_ID="%s".*?</ELEVE>' % pupils[0], eleves, re.S).group(0)
    arrival = re.sub(r'ELEVE_ID="\d+"', 'ELEVE_ID="9990001"', template)
    arrival = re.sub(r"<ID_NATIONAL>[^<]*", "<ID_NATIONAL>999000123ZZ", arrival)
    arrival = re.sub(r"<NOM_DE_FAMILLE>[^<]*", "<NOM_DE_FAMILLE>NOUVEL", arrival)
    arrival = re.sub(r"<PRENOM>[^<]*", "<PRENOM>Noémie", arrival)
    # The template's own numbers are replaced too: a copied ELENOET, INE_RNIE or INE_BEA is a
    # data error (DUPLICATE_ELENOET, DUPLICATE_INE), not what an ordinary arrival looks like.
    assert 'ELENOET="%s"' % ARRIVAL_ELENOET not in eleves, "ELENOET of the arrival already used"
    arrival = re.sub(r'ELENOET="\d+"', 'ELENOET="%s"' % ARRIVAL_ELENOET, arrival)
    arrival = re.sub(r"<ELENOET>[^<]*", "<ELENOET>" + ARRIVAL_ELENOET, arrival)
    arrival = re.sub(r"<ID_ELEVE_ETAB>[^<]*", "<ID_ELEVE_ETAB>%011d" % (int(ARRIVAL_ELENOET) * 1000 + 25), arrival)
    arrival = re.sub(r"<INE_RNIE>[^<]*", "<INE_RNIE>999000123ZZ", arrival)
    arrival = re.sub(r"\s*<INE_BEA>[^<]*</INE_BEA>", "", arrival)
    arrival = re.sub(r"<MEL>[^<]*", "<MEL>noemie.nouvel.%s@example.com" % ARRIVAL_ELENOET, arrival)
    eleves = eleves.replace("</ELEVES>", arrival + "\n\t\t</ELEVES>", 1)
    first = re.search(r'<STRUCTURES_ELEVE ELEVE_ID="%s".*?</STRUCTURES_ELEVE>' % pupils[0], eleves, re.S).group(0)
    first = re.sub(r'ELENOET="\d+"', 'ELENOET="%s"' % ARRIVAL_ELENOET, first)
    eleves = eleves.replace("</STRUCTURES>", re.sub(r'ELEVE_ID="\d+"', 'ELEVE_ID="9990001"', first) + "\n\t\t</STRUCTURES>", 1)
    return eleves.replace("<CODE_STRUCTURE>5 LAT</CODE_STRUCTURE>", "<CODE_STRUCTURE>5 LATIN</CODE_STRUCTURE>")


def sts_next(name):
    sts = read(name).replace('<GROUPE CODE="5 LAT"', '<GROUPE CODE="5 LATIN"')
    teacher = ('<INDIVIDU ID="99001" TYPE="epp">\n<SEXE>2</SEXE>\n<CIVILITE>2</CIVILITE>\n<NOM_USAGE>ARRIVÉE</NOM_USAGE>\n'
               '<NOM_PATRONYMIQUE>ARRIVÉE</NOM_PATRONYMIQUE>\n<PRENOM>Hélène</PRENOM>\n<FONCTION>ENS</FONCTION>\n</INDIVIDU>\n')
    sts = sts.replace("</INDIVIDUS>", teacher + "</INDIVIDUS>", 1)
    service = '<SERVICE CODE_MATIERE="061300" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="99001" TYPE="epp"/></ENSEIGNANTS></SERVICE>\n'
    return re.sub(r"(<DIVISION CODE=\"[^\"]*\">.*?<SERVICES>)", r"\1\n" + service, sts, count=1, flags=re.S)


def main():
    TARGET.mkdir(exist_ok=True)
    write("ElevesSansAdresses.xml", eleves_next())
    write("ResponsablesAvecAdresses.xml", read("ResponsablesAvecAdresses.xml").replace(OLD_DATE, NEW_DATE))
    write("Structures.xml", read("Structures.xml").replace(OLD_DATE, NEW_DATE).replace('"5 LAT"', '"5 LATIN"'))
    write("Nomenclature.xml", read("Nomenclature.xml").replace(OLD_DATE, NEW_DATE))
    sts = next(p.name for p in SOURCE.glob("sts_emp_*.xml"))
    write(sts, sts_next(sts))


if __name__ == "__main__":
    main()
