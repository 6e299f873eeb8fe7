#include "model/model_json.hpp"

namespace edusync::model {
namespace {

using Json = nlohmann::ordered_json;

void put(Json& object, const char* name, const std::string& value) {
  if (!value.empty()) object[name] = value;
}

void put(Json& object, const char* name, const std::vector<std::string>& values) {
  if (!values.empty()) object[name] = values;
}

// Identity-stage fields: absent in `inspect`, present once a run has allocated them.
void put_identity(Json& object, const Account& account, const std::string& departed_on) {
  put(object, "login", account.login);
  if (account.uid_number != 0) object["uid_number"] = account.uid_number;
  put(object, "departed_on", departed_on);
}

Json pupil_json(const Pupil& p) {
  Json j{{"key", p.key}, {"uai", p.uai}, {"eleve_id", p.eleve_id}};
  put(j, "elenoet", p.elenoet);
  put(j, "ines", p.ines);
  put(j, "surname", p.surname);
  if (p.birth_surname != p.surname) put(j, "birth_surname", p.birth_surname);
  put(j, "given_name", p.given_name);
  put(j, "other_given_names", p.other_given_names);
  put(j, "sex", to_string(p.sex));
  put(j, "birth_date", p.birth_date);
  put(j, "exit_date", p.exit_date);
  put(j, "mef", p.mef);
  put(j, "email", p.email);
  put_identity(j, p.account, p.departed_on);
  return j;
}

Json contact_json(const Contact& c) {
  Json j{{"key", c.key}};
  put(j, "civility", c.civility);
  put(j, "surname", c.surname);
  if (c.birth_surname != c.surname) put(j, "birth_surname", c.birth_surname);
  put(j, "given_name", c.given_name);
  put(j, "mobile", c.mobile);
  put(j, "phone_home", c.phone_home);
  put(j, "phone_work", c.phone_work);
  put(j, "email", c.email);
  Json links = Json::array();
  for (const auto& link : c.pupils) {
    Json l{{"pupil", link.pupil_key}, {"responsibility", to_string(link.responsibility)}};
    put(l, "kinship", link.kinship);
    if (link.pays_fees) l["pays_fees"] = true;
    links.push_back(std::move(l));
  }
  j["pupils"] = std::move(links);
  put(j, "departed_on", c.departed_on);
  return j;
}

Json staff_json(const Staff& s) {
  Json j{{"key", s.key}, {"sts_id", s.sts_id}, {"uais", s.uais}};
  put(j, "sts_type", s.sts_type);
  put(j, "sex", to_string(s.sex));
  put(j, "civility", s.civility);
  put(j, "surname", s.surname);
  if (s.birth_surname != s.surname) put(j, "birth_surname", s.birth_surname);
  put(j, "given_name", s.given_name);
  put(j, "birth_date", s.birth_date);
  put(j, "function", s.function);
  put(j, "grade", s.grade);
  put_identity(j, s.account, s.departed_on);
  return j;
}

template <typename Item, typename Convert>
Json array_of(const std::vector<Item>& items, Convert convert) {
  Json array = Json::array();
  for (const auto& item : items) array.push_back(convert(item));
  return array;
}

}  // namespace

Json to_json(const Directory& d) {
  Json j;
  j["school_year"] = d.school_year;
  j["schools"] = array_of(d.schools, [](const School& s) { return Json{{"uai", s.uai}}; });
  j["pupils"] = array_of(d.pupils, pupil_json);
  j["guardians"] = array_of(d.guardians, contact_json);
  j["other_contacts"] = array_of(d.other_contacts, contact_json);
  j["staff"] = array_of(d.staff, staff_json);
  j["divisions"] = array_of(d.divisions, [](const Division& x) {
    Json o{{"uai", x.uai}, {"code", x.code}};
    put(o, "label", x.label);
    put(o, "mefs", x.mefs);
    return o;
  });
  j["groups"] = array_of(d.groups, [](const Group& x) {
    Json o{{"uai", x.uai}, {"code", x.code}};
    put(o, "label", x.label);
    put(o, "divisions", x.divisions);
    return o;
  });
  j["subjects"] = array_of(d.subjects, [](const Subject& x) {
    Json o{{"code", x.code}};
    put(o, "management_code", x.management_code);
    put(o, "short_label", x.short_label);
    put(o, "long_label", x.long_label);
    return o;
  });
  j["mefs"] = array_of(d.mefs, [](const Mef& x) {
    Json o{{"code", x.code}};
    put(o, "formation", x.formation);
    put(o, "label", x.label);
    return o;
  });
  j["services"] = array_of(d.services, [](const Service& s) {
    Json o{{"staff", s.staff_key},
           {"uai", s.uai},
           {"structure_kind", to_string(s.structure_kind)},
           {"structure", s.structure_code},
           {"subject", s.subject_code}};
    put(o, "course_mode", s.course_mode);
    o["origin"] = to_string(s.origin);
    return o;
  });
  j["head_teachers"] = array_of(d.head_teachers, [](const HeadTeacher& h) {
    return Json{{"staff", h.staff_key}, {"uai", h.uai}, {"division", h.division_code}};
  });
  j["memberships"] = array_of(d.memberships, [](const Membership& m) {
    return Json{{"pupil", m.pupil_key},
                {"uai", m.uai},
                {"structure_kind", to_string(m.structure_kind)},
                {"structure", m.structure_code},
                {"origin", to_string(m.origin)}};
  });
  return j;
}

Json to_json(const Warning& w, std::string_view language) {
  Json j{{"code", w.code}, {"message", text::render(w.message, language)}, {"keys", w.keys}};
  put(j, "where", w.where);
  return j;
}

}  // namespace edusync::model
