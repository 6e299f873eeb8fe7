#include "contract/school.hpp"

namespace edusync::contract {
namespace {

model::Pupil pupil(const std::string& ine, const std::string& elenoet, const std::string& surname,
                   const std::string& given_name, model::Sex sex, model::Account account) {
  model::Pupil p;
  p.key = ine;
  p.uai = kUai;
  p.eleve_id = "10" + elenoet;
  p.elenoet = elenoet;
  p.ines = {ine};
  p.surname = surname;
  p.birth_surname = surname;
  p.given_name = given_name;
  p.sex = sex;
  p.birth_date = "2013-03-14";
  p.birth_country = "100";
  p.birth_department = "014";
  p.birth_commune = "14118";
  p.status = "ST";
  p.mef = "10010012110";
  p.account = std::move(account);
  return p;
}

model::Staff teacher() {
  model::Staff s;
  s.key = "sts:4101";
  s.sts_id = "4101";
  s.uais = {kUai};
  s.sts_type = "epp";
  s.sex = model::Sex::female;
  s.civility = "2";
  s.surname = "LE GOFF";
  s.birth_surname = "LE GOFF";
  s.given_name = "Hélène";
  s.birth_date = "1980-05-02";
  s.function = "ENS";
  s.grade = "CERT";
  s.account = {"legoffh", 20001};
  return s;
}

model::Contact guardian_of(const std::string& pupil_key) {
  model::Contact c;
  c.key = std::string("personne:") + kUai + ":3001";
  c.personne_id = "3001";
  c.civility = "MME";
  c.surname = "DUPONT";
  c.birth_surname = "MARTIN";
  c.given_name = "Anne";
  c.mobile = "0601020304";
  c.email = "anne.dupont@example.fr";
  c.pupils = {{pupil_key, model::Responsibility::legal, "20", true}};
  return c;
}

}  // namespace

model::Directory small_school() {
  model::Directory d;
  d.school_year = "2025";
  d.schools = {{kUai}};
  d.divisions = {{kUai, "6A", "6e A", {"10010012110"}}};
  d.groups = {{kUai, "6LAT", "Latin 6e", {"6A"}}};
  d.subjects = {{"030201", "AGL1", "ANGLAIS LV1", "ANGLAIS LV1"}};
  d.mefs = {{"10010012110", "6EME", "6EME"}};
  using model::Sex;
  d.pupils = {pupil(kFirstPupil, "1201", "DUPONT", "Lætitia", Sex::female, {"dupontl", 10001}),
              pupil("0602116651P", "1202", "MÜLLER", "Zoé", Sex::female, {"mullerz", 10002}),
              pupil("0702116652R", "1203", "NGUYEN", "Jérôme", Sex::male, {"nguyenj", 10003})};
  for (const auto& p : d.pupils)
    d.memberships.push_back({p.key, kUai, model::StructureKind::division, "6A"});
  d.memberships.push_back({kFirstPupil, kUai, model::StructureKind::group, "6LAT"});
  d.guardians = {guardian_of(kFirstPupil)};
  d.staff = {teacher()};
  d.services = {{"sts:4101", kUai, model::StructureKind::division, "6A", "030201", "CG"}};
  d.head_teachers = {{"sts:4101", kUai, "6A"}};
  return d;
}

}  // namespace edusync::contract
