// The course-only exports: EDT's "fichier texte" EXP_COURS.xml (root TABLE, one Cours row of
// child elements per course, teachers by name, class or group by display name) and UDT's
// "Recherche > Emploi du temps > Exporter" text (12 columns, ';', header, Latin-9, CRLF).
#include <cstdio>

#include "common/latin9.hpp"
#include "reference.hpp"
#include "timetable_writers.hpp"
#include "writers.hpp"

namespace gen {
namespace {

constexpr std::string_view kDays[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi"};
constexpr std::string_view kUdtDays[] = {"Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"};

// Hours and minutes of `minutes` ("%dh%02d" -> "1h00", "13h30").
std::string hm(int minutes, const char* format) {
  char text[16];
  std::snprintf(text, sizeof text, format, minutes / 60, minutes % 60);
  return text;
}

int start_minutes(const TtCourse& c) {
  return 8 * 60 + c.place * 30;
}

// "NOM1,NOM2" / "Prénom1,Prénom2": EDT names co-teachers in one row.
std::string joined(const Timetable& tt, const TtCourse& c, std::string TtTeacher::*field) {
  std::string out;
  for (std::size_t t : c.teachers) {
    if (!out.empty()) out += ',';
    out += tt.teachers[t].*field;
  }
  return out;
}

std::string audience_name(const School& school, const Timetable& tt, const TtCourse& c) {
  return c.group ? tt.groups[c.audience].code : school.divisions[c.audience].code;
}

std::uint32_t head_count(const Timetable& tt, const std::vector<std::uint32_t>& sizes,
                         const TtCourse& c) {
  return c.group ? tt.groups[c.audience].members : sizes[c.audience];
}

void write_row(XmlWriter& w, const School& school, const Timetable& tt, const TtCourse& c,
               std::uint32_t effectif, std::size_t k) {
  const ref::Subject& subject = ref::subject(c.subject);
  const std::string number = num(k + 1);
  w.open("Cours", {{"numero", number}});
  w.leaf("NUMERO", number);
  w.leaf("DUREE", hm(c.places * 30, "%dh%02d"));
  w.leaf("FREQUENCE", "H");
  w.leaf("MAT_CODE", subject.gestion);
  w.leaf("MAT_LIBELLE", subject.court);
  w.leaf("PROF_NOM", joined(tt, c, &TtTeacher::nom));
  w.leaf("PROF_PRENOM", joined(tt, c, &TtTeacher::prenom));
  w.leaf("CLASSE", audience_name(school, tt, c));
  w.leaf("SALLE", c.room);
  w.leaf("ALTERNANCE", "H");
  w.leaf("MODALITE", "CG");
  w.leaf("CO-ENS.", c.teachers.size() >= 2 ? "O" : "N");
  w.leaf("POND.", "1");
  w.leaf("JOUR", kDays[c.day - 1]);
  const std::string start = hm(start_minutes(c), "%dh%02d");
  w.leaf("H.DEBUT", std::string(7 - start.size(), ' ') + start);  // "  13h30", as EDT pads it
  w.leaf("EFFECTIF", num(effectif));
  w.close("Cours");
}

}  // namespace

std::vector<std::uint32_t> class_sizes(const School& school, const Timetable& tt) {
  std::vector<std::uint32_t> sizes(school.divisions.size());
  for (const TtPupil& p : tt.pupils) ++sizes[p.division];
  return sizes;
}

void write_exp_cours(const School& school, const Timetable& tt, const std::string& path) {
  const std::vector<std::uint32_t> sizes = class_sizes(school, tt);
  XmlWriter w(path);
  w.prolog();
  w.open("TABLE");
  for (std::size_t k = 0; k < tt.courses.size(); ++k)
    write_row(w, school, tt, tt.courses[k], head_count(tt, sizes, tt.courses[k]), k);
  w.close("TABLE");
  w.finish();
}

// Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire — one line per
// teacher and class; a group course has a line per class of it (Groupe = UDT's gpe code in
// that class, Regroup = the STS group code).
void write_udt_courses(const School& school, const Timetable& tt, const std::string& path) {
  const std::vector<std::uint32_t> sizes = class_sizes(school, tt);
  std::string text = "Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire\r\n";
  for (const TtCourse& c : tt.courses) {
    std::vector<std::pair<std::size_t, std::string>> audiences;  // division, gpe
    if (!c.group) audiences.emplace_back(c.audience, "");
    if (c.group) {
      for (std::size_t p : tt.groups[c.audience].parts)
        audiences.emplace_back(tt.parts[p].division, tt.parts[p].udt_code);
    }
    std::vector<std::string> profs;
    for (std::size_t t : c.teachers)
      profs.push_back(tt.teachers[t].nom + " " + tt.teachers[t].prenom);
    if (profs.empty()) profs.emplace_back();
    const std::string regroup = c.group ? tt.groups[c.audience].code : "";
    for (const auto& [division, gpe] : audiences) {
      for (const std::string& prof : profs) {
        text.append(kUdtDays[c.day - 1]).append(";").append(hm(start_minutes(c), "%02dh%02d"));
        text.append(";").append(school.divisions[division].code).append(";");
        text.append(ref::subject(c.subject).gestion).append(";").append(prof).append(";");
        text.append(c.room).append(";").append(gpe).append(";").append(regroup).append(";");
        text.append(num(head_count(tt, sizes, c))).append(";CG;H;\r\n");
      }
    }
  }
  write_bytes(path, edusync::latin9::from_utf8_strict(text));
}

}  // namespace gen
