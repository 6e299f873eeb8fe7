// Messages of the timetable parsers (sources/parsers/edt_*, udt_*): records skipped, files
// refused. Column and attribute names (Professeur, Matière, PROF_NOM, code_div...) are the
// programs' own, the same in both languages.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kEntries[] = {
    {"input.timetable.udt_member_root",
     "membre {member} d'un export UDT : aucune ligne reconnue sous la racine « {root} »",
     "member {member} of a UDT export: no known row under the root \"{root}\""},

    // Who a refused name belongs to (input.name.refused: "fiche de {who} refusée...").
    {"input.timetable.who.pupil", "l'élève code {id}", "pupil code {id}"},
    {"input.timetable.who.teacher", "l'enseignant code {id}", "teacher code {id}"},
    {"input.timetable.who.course_teacher", "l'enseignant du cours NUMERO {id}",
     "the teacher of course NUMERO {id}"},
    {"input.timetable.who.course_teacher_unnumbered", "l'enseignant d'un cours sans NUMERO",
     "the teacher of a course without NUMERO"},
    {"input.timetable.who.row_teacher", "l'enseignant de la ligne {line}",
     "the teacher on line {line}"},

    // UDT members (parsers/udt_parser.cpp).
    {"input.timetable.bad_date",
     "{element} code {id} : date « {value} » illisible dans {attribute}, ignorée (format attendu "
     "JJ/MM/AAAA ou AAAA-MM-JJ)",
     "{element} code {id}: unreadable date \"{value}\" in {attribute}, ignored (expected format "
     "DD/MM/YYYY or YYYY-MM-DD)"},

    // UDT's course text file (parsers/udt_courses_parser.cpp).
    {"input.timetable.csv.not_courses",
     "ce n'est pas un fichier de cours UDT : sa première ligne n'a pas les 12 colonnes "
     "Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire séparées par des "
     "« ; » ou des tabulations",
     "this is not a UDT course file: its first line does not have the 12 columns "
     "Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire separated by \";\" "
     "or tabs"},
    {"input.timetable.csv.line_too_long",
     "ligne de plus de {max} octets : ce n'est pas un fichier de cours UDT ; exportez de nouveau "
     "les cours depuis UDT",
     "a line of more than {max} bytes: this is not a UDT course file; export the courses from UDT "
     "again"},
    {"input.timetable.csv.too_many_rows",
     "plus de {max} lignes : ce n'est pas le fichier de cours d'un établissement",
     "more than {max} rows: this is not the course file of one school"},
    {"input.timetable.csv.columns",
     "ligne de {count} colonnes ignorée : 12 attendues "
     "(Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire)",
     "row of {count} columns ignored: 12 expected "
     "(Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire)"},
    {"input.timetable.csv.missing", "ligne sans {column} ignorée", "row without {column} ignored"},
    {"input.timetable.csv.not_utf8",
     "ligne ignorée : elle n'est pas en UTF-8 comme le reste du fichier (fichier assemblé de "
     "morceaux d'encodages différents ?)",
     "row ignored: it is not in UTF-8 like the rest of the file (a file put together from pieces "
     "in different encodings?)"},
    {"input.timetable.csv.more_issues",
     "{count|autre ligne ignorée|autres lignes ignorées} (seules les premières sont détaillées)",
     "{count|other row ignored|other rows ignored} (only the first ones are listed)"},
};

}  // namespace

std::span<const Entry> timetable_input_entries() {
  return kEntries;
}

}  // namespace edusync::text
