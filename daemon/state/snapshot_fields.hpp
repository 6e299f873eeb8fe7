#pragma once
// The fields of every model record, listed once for the encoder and the decoder. Adding a field
// to the model means adding it here and bumping kSnapshotVersion in snapshot_codec.cpp.
#include "model/directory.hpp"

namespace edusync::state {

template <typename Archive, typename Account>
void fields(Archive& a,
            Account& x) requires std::is_same_v<std::remove_const_t<Account>, model::Account> {
  a(x.login, x.uid_number);
}

template <typename Archive, typename Pupil>
void fields(Archive& a,
            Pupil& p) requires std::is_same_v<std::remove_const_t<Pupil>, model::Pupil> {
  a(p.key, p.uai, p.eleve_id, p.elenoet, p.ines, p.surname, p.birth_surname, p.given_name,
    p.other_given_names, p.sex, p.birth_date, p.exit_date, p.mef, p.email, p.account,
    p.departed_on);
}

template <typename Archive, typename Link>
void fields(Archive& a,
            Link& l) requires std::is_same_v<std::remove_const_t<Link>, model::PupilLink> {
  a(l.pupil_key, l.responsibility, l.kinship, l.pays_fees);
}

template <typename Archive, typename Contact>
void fields(Archive& a,
            Contact& c) requires std::is_same_v<std::remove_const_t<Contact>, model::Contact> {
  a(c.key, c.personne_id, c.civility, c.surname, c.birth_surname, c.given_name, c.mobile,
    c.phone_home, c.phone_work, c.email, c.pupils, c.departed_on);
}

template <typename Archive, typename Staff>
void fields(Archive& a,
            Staff& s) requires std::is_same_v<std::remove_const_t<Staff>, model::Staff> {
  a(s.key, s.sts_id, s.uais, s.sts_type, s.sex, s.civility, s.surname, s.birth_surname,
    s.given_name, s.birth_date, s.function, s.grade, s.account, s.departed_on);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::School> {
  a(x.uai);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Division> {
  a(x.uai, x.code, x.label, x.mefs);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Group> {
  a(x.uai, x.code, x.label, x.divisions);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Subject> {
  a(x.code, x.management_code, x.short_label, x.long_label);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Mef> {
  a(x.code, x.formation, x.label);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Service> {
  a(x.staff_key, x.uai, x.structure_kind, x.structure_code, x.subject_code, x.course_mode,
    x.origin);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::HeadTeacher> {
  a(x.staff_key, x.uai, x.division_code);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Membership> {
  a(x.pupil_key, x.uai, x.structure_kind, x.structure_code, x.origin);
}

template <typename Archive, typename T>
void fields(Archive& a, T& d) requires std::is_same_v<std::remove_const_t<T>, model::Directory> {
  a(d.school_year, d.schools, d.pupils, d.guardians, d.other_contacts, d.staff, d.divisions,
    d.groups, d.subjects, d.mefs, d.services, d.head_teachers, d.memberships);
}

}  // namespace edusync::state
