// ExportEmploiDuTemps_<UAI>.xml: Index Éducation's export for ENTs in clear (UTF-8, every datum
// an attribute, plural containers of singular items; the container of courses is also named
// Cours), and the same document sealed in its encrypted container.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "reference.hpp"
#include "sources/timetable/index_seal.hpp"
#include "timetable_writers.hpp"
#include "writers.hpp"

namespace gen {
namespace {

void write_grid(XmlWriter& w) {
  w.open("GrilleHoraire", {{"NombrePlacesParJour", "20"}, {"DureePlace", "30"}});
  w.open("JoursOuvres");
  for (const char* day : {"1", "2", "3", "4", "5"}) w.leaf("Jour", day);
  w.close("JoursOuvres");
  w.open("PlacesParJour");
  for (int place = 0; place < 20; ++place) {
    char from[16], to[16];
    std::snprintf(from, sizeof from, "%02d:%02d:00", 8 + place / 2, place % 2 * 30);
    std::snprintf(to, sizeof to, "%02d:%02d:00", 8 + (place + 1) / 2, (place + 1) % 2 * 30);
    w.empty("Place", {{"Numero", num(static_cast<std::uint64_t>(place))},
                      {"LibelleHeureDebut", from},
                      {"LibelleHeureFin", to}});
  }
  w.close("PlacesParJour");
  w.close("GrilleHoraire");
}

void write_subjects_teachers(XmlWriter& w, const Timetable& tt) {
  w.open("Matieres");
  for (std::size_t s = 0; s < ref::kSubjectCount; ++s) {
    const ref::Subject& subject = ref::subject(s);
    w.empty("Matiere", {{"Ident", num(tt.subject_idents[s])},
                        {"Code", subject.gestion},
                        {"Libelle", subject.court}});
  }
  w.close("Matieres");
  w.open("Professeurs");
  for (const TtTeacher& t : tt.teachers) {
    const std::string ident = num(t.ident), birth = format_iso(t.naiss);
    Attrs attrs{{"Ident", ident}, {"Nom", t.nom}, {"Prenom", t.prenom}};
    if (t.naiss.present()) attrs.emplace_back("DateNaissance", birth);
    w.empty("Professeur", attrs);
  }
  w.close("Professeurs");
}

void write_parts(XmlWriter& w, const Timetable& tt, const std::vector<std::size_t>& parts) {
  for (std::size_t p : parts) w.empty("PartieDeClasse", {{"Ident", num(tt.parts[p].ident)}});
}

void write_structures(XmlWriter& w, const School& school, const Timetable& tt) {
  std::vector<std::vector<std::size_t>> parts_of(school.divisions.size());
  for (std::size_t p = 0; p < tt.parts.size(); ++p) parts_of[tt.parts[p].division].push_back(p);
  w.open("Classes");
  for (std::size_t d = 0; d < school.divisions.size(); ++d) {
    w.open("Classe", {{"Ident", num(tt.division_idents[d])}, {"Nom", school.divisions[d].code}});
    write_parts(w, tt, parts_of[d]);
    w.close("Classe");
  }
  w.close("Classes");
  w.open("Groupes");
  for (const TtGroup& g : tt.groups) {
    w.open("Groupe", {{"Ident", num(g.ident)}, {"Nom", g.code}});
    write_parts(w, tt, g.parts);
    w.close("Groupe");
  }
  w.close("Groupes");
}

void write_pupil(XmlWriter& w, const Timetable& tt, const TtPupil& p) {
  const std::string ident = num(p.ident), birth = format_iso(p.naiss);
  Attrs attrs{{"Ident", ident}, {"Nom", p.nom}, {"Prenom", p.prenom}};
  if (p.naiss.present()) attrs.emplace_back("DateNaissance", birth);
  if (p.sexe != 0) attrs.emplace_back("Sexe", p.sexe == 1 ? "Masculin" : "Feminin");
  attrs.emplace_back("NumeroNational", p.numero);
  w.open("Eleve", attrs);
  const std::string entree = format_iso(p.entree), sortie = format_iso(p.sortie);
  w.empty("Classe", {{"Ident", num(tt.division_idents[p.division])},
                     {"DateEntree", entree},
                     {"DateSortie", sortie}});
  std::vector<std::size_t> parts;
  for (std::size_t g : p.groups) parts.push_back(part_of(tt, p.division, g, 0));
  if (p.half != 0) parts.push_back(part_of(tt, p.division, kNone, p.half));
  for (std::size_t part : parts) {
    w.empty("PartieDeClasse",
            {{"Ident", num(tt.parts[part].ident)}, {"DateEntree", entree}, {"DateSortie", sortie}});
  }
  w.close("Eleve");
}

void write_courses(XmlWriter& w, const Timetable& tt) {
  w.open("Cours");
  for (const TtCourse& c : tt.courses) {
    w.open("Cours", {{"Jour", num(static_cast<std::uint64_t>(c.day))},
                     {"NumeroPlaceDebut", num(static_cast<std::uint64_t>(c.place))},
                     {"NombrePlaces", num(static_cast<std::uint64_t>(c.places))}});
    w.empty("Matiere", {{"Ident", num(tt.subject_idents[c.subject])}});
    for (std::size_t t : c.teachers) w.empty("Professeur", {{"Ident", num(tt.teachers[t].ident)}});
    if (c.group)
      w.empty("Groupe", {{"Ident", num(tt.groups[c.audience].ident)}});
    else
      w.empty("Classe", {{"Ident", num(tt.division_idents[c.audience])}});
    w.close("Cours");
  }
  w.close("Cours");
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " + path);
  return bytes.str();
}

}  // namespace

void write_edt(const School& school, const Timetable& tt, const std::string& path) {
  XmlWriter w(path, XmlEncoding::Utf8);
  w.prolog();
  w.open("ExportEmploiDuTemps", {{"xmlns", "http://www.index-education.com/exportemploidutemps"},
                                 {"Version", "1.1"},
                                 {"UAI", school.uai}});
  w.empty("AnneeScolaire", {{"DateDebut", format_iso(school.year_start)},
                            {"DateFin", format_iso(Date{school.year + 1, 8, 31})},
                            {"DatePremierJourSemaine1", format_iso(tt.first_monday)}});
  write_grid(w);
  write_subjects_teachers(w, tt);
  write_structures(w, school, tt);
  w.open("Eleves");
  for (const TtPupil& p : tt.pupils) write_pupil(w, tt, p);
  w.close("Eleves");
  write_courses(w, tt);
  w.close("ExportEmploiDuTemps");
  w.finish();
}

void write_edt_sealed(const School& school, const std::string& clear_path, const std::string& path,
                      const Options& options) {
  edusync::timetable::SealOptions seal;
  seal.uai = school.uai;
  seal.date_time = timetable_date_time(school);
  seal.other_partner_keys = {options.edt_other_partner_pem};
  // Index Éducation's content starts with a BOM (the readers skip one).
  const std::string content = "\xEF\xBB\xBF" + read_bytes(clear_path);
  write_bytes(path, edusync::timetable::seal_index_container(content, options.edt_key_pem, seal));
}

}  // namespace gen
