// <UAI>_<yyyyMMddHHmmss>_UDT.zip: UnDeuxTemps' XML export for ENTs, one UDCal_NN.xml per table,
// every datum an attribute. No public source documents the roots: each member has a plausible
// one, at a depth of its own (readers match rows by element name at any depth), and one member
// name is in lower case, as found in the wild.
#include <filesystem>
#include <functional>

#include "reference.hpp"
#include "text.hpp"
#include "timetable_writers.hpp"
#include "writers.hpp"
#include "zip_writer.hpp"

namespace gen {
namespace {

constexpr std::uint64_t kAllWeeks = (std::uint64_t{1} << 54) - 2;  // weeks 1 to 53

using Body = std::function<void(XmlWriter&)>;

// Writes member `name` under `root` and `containers`; returns it for the archive.
ZipMember write_member(const std::string& dir, const std::string& name, std::string_view root,
                       std::initializer_list<std::string_view> containers, const Body& body) {
  std::string temp = dir;  // append(), not operator+: GCC 12 -Wrestrict false positive
  temp.append("/.").append(name).append(".tmp");
  XmlWriter w(temp);
  w.prolog();
  w.open(root);
  for (std::string_view c : containers) w.open(c);
  body(w);
  for (auto c = std::rbegin(containers); c != std::rend(containers); ++c) w.close(*c);
  w.close(root);
  w.finish();
  return ZipMember{name, temp};
}

std::string dmy(Date d) {
  return d.present() ? format_dmy(d) : std::string();
}

void write_profs(XmlWriter& w, const Timetable& tt) {
  for (const TtTeacher& t : tt.teachers) {
    const std::string code = num(t.udt_code), birth = dmy(t.naiss);
    Attrs attrs{{"code", code}, {"nom", t.nom}, {"prenom", t.prenom}};
    if (t.naiss.present()) attrs.emplace_back("date_naissance", birth);
    w.empty("prof", attrs);
  }
}

void write_eleves(XmlWriter& w, const Timetable& tt) {
  for (const TtPupil& p : tt.pupils) {
    const std::string code = num(p.udt_code), nom = upper_fr(p.nom), birth = dmy(p.naiss);
    Attrs attrs{{"code", code}, {"nom", nom}, {"prenom", p.prenom}};
    if (p.naiss.present()) attrs.emplace_back("naissance", birth);
    w.empty("eleve", attrs);
  }
}

void write_gpes(XmlWriter& w, const School& school, const Timetable& tt) {
  for (const TtPart& part : tt.parts) {
    if (part.group == kNone) continue;  // half classes: no STS code, ENTs skip them
    w.empty("gpe", {{"code", part.udt_code},
                    {"code_div", school.divisions[part.division].code},
                    {"code_sts", tt.groups[part.group].code},
                    {"id", num(part.ident)}});
  }
}

void write_ele_gpes(XmlWriter& w, const School& school, const Timetable& tt) {
  const std::string weeks = num(kAllWeeks);
  for (const TtPupil& p : tt.pupils) {
    for (std::size_t g : p.groups) {
      w.empty("ele_gpe", {{"ele", num(p.udt_code)},
                          {"gpe", tt.parts[part_of(tt, p.division, g, 0)].udt_code},
                          {"code_div", school.divisions[p.division].code},
                          {"semaines", weeks}});
    }
  }
}

// One line per teacher and class of a course; a group course has a line per class of it.
void write_ligfiches(XmlWriter& w, const School& school, const Timetable& tt) {
  std::uint64_t line = 0;
  for (std::size_t k = 0; k < tt.courses.size(); ++k) {
    const TtCourse& c = tt.courses[k];
    std::vector<std::pair<std::size_t, std::string_view>> audiences;  // division, gpe
    if (!c.group) audiences.emplace_back(c.audience, "");
    if (c.group) {
      for (std::size_t p : tt.groups[c.audience].parts)
        audiences.emplace_back(tt.parts[p].division, tt.parts[p].udt_code);
    }
    std::vector<std::string> profs;
    for (std::size_t t : c.teachers) profs.push_back(num(tt.teachers[t].udt_code));
    if (profs.empty()) profs.emplace_back();
    for (const auto& [division, gpe] : audiences) {
      for (const std::string& prof : profs) {
        const std::string code = num(++line), fic = num(k + 1), mat = num(c.subject + 1);
        Attrs attrs{
            {"code", code}, {"fic", fic}, {"div", school.divisions[division].code}, {"mat", mat}};
        if (!prof.empty()) attrs.emplace_back("prof", prof);
        if (!gpe.empty()) attrs.emplace_back("gpe", gpe);
        w.empty("ligfiche", attrs);
      }
    }
  }
}

std::vector<ZipMember> write_members(const School& school, const Timetable& tt,
                                     const std::string& dir) {
  std::vector<ZipMember> m;
  m.push_back(write_member(dir, "UDCal_04.xml", "UDCal_04", {"profs"},
                           [&](XmlWriter& w) { write_profs(w, tt); }));
  m.push_back(write_member(dir, "UDCal_05.xml", "UDCal_05", {}, [&](XmlWriter& w) {
    for (std::size_t s = 0; s < ref::kSubjectCount; ++s) {
      const ref::Subject& subject = ref::subject(s);
      w.empty("mat",
              {{"code", num(s + 1)}, {"libelle", subject.court}, {"code_gep1", subject.code}});
    }
  }));
  m.push_back(write_member(dir, "UDCal_08.xml", "UDCal_08", {"divisions"}, [&](XmlWriter& w) {
    for (const Division& d : school.divisions)
      w.empty("div", {{"code", d.code}, {"libelle", d.label}});
  }));
  m.push_back(write_member(dir, "UDCal_10.xml", "UDCal_10", {"eleves"},
                           [&](XmlWriter& w) { write_eleves(w, tt); }));
  m.push_back(write_member(dir, "UDCal_12.xml", "UDCal_12", {"semaine", "lignes"},
                           [&](XmlWriter& w) { write_ligfiches(w, school, tt); }));
  m.push_back(write_member(dir, "UDCal_19.xml", "UDCal_19", {"groupes", "liste"},
                           [&](XmlWriter& w) { write_gpes(w, school, tt); }));
  m.push_back(write_member(dir, "udcal_21.xml", "UDCal_21", {},
                           [&](XmlWriter& w) { write_ele_gpes(w, school, tt); }));
  return m;
}

}  // namespace

void write_udt(const School& school, const Timetable& tt, const std::string& path) {
  const std::vector<ZipMember> members = write_members(school, tt, school.plan->dir);
  zip_files(path, members, school.export_date, 18, 30, 0);
  for (const ZipMember& m : members) std::filesystem::remove(m.source_path);
}

}  // namespace gen
