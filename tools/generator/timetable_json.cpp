// The per-school "timetable" object of expected.json: files, counts, warnings, and the records
// each planted defect concerns (names as written, SIECLE ELEVE_IDs), for tests to name them.
#include <algorithm>
#include <cstdio>

#include "reference.hpp"
#include "timetable_expected.hpp"

namespace gen {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;  // key -> rendered JSON value

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string object(const Fields& fields, std::size_t indent) {
  std::string out = "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out.append(indent + 2, ' ').append(quoted(fields[i].first)).append(": ");
    out += fields[i].second;
  }
  return out + "\n" + std::string(indent, ' ') + "}";
}

std::string counter(const Counter& counter, std::size_t indent) {
  Fields fields;
  for (const auto& [key, value] : counter) fields.emplace_back(key, std::to_string(value));
  return object(fields, indent);
}

std::string list(const std::vector<std::uint64_t>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i)
    out += (i == 0 ? "" : ", ") + std::to_string(values[i]);
  return out + "]";
}

std::string birth(Date d) {
  return d.present() ? quoted(format_iso(d)) : "null";
}

const TtPupil* find_pupil(const Timetable& tt, std::size_t pupil) {
  for (const TtPupil& t : tt.pupils) {
    if (t.pupil == pupil) return &t;
  }
  return nullptr;
}

Fields pupil_fields(const TtPupil& t) {
  return {{"nom", quoted(t.nom)},
          {"prenom", quoted(t.prenom)},
          {"birth_date", birth(t.naiss)},
          {"edt_ident", std::to_string(t.ident)},
          {"udt_code", std::to_string(t.udt_code)}};
}

std::string unmatched_pupil(const School& school, const Timetable& tt, std::size_t indent) {
  const TtPupil* t = find_pupil(tt, kNone);
  if (t == nullptr) return "null";
  Fields fields = pupil_fields(*t);
  fields.emplace_back("division", quoted(school.divisions[t->division].code));
  return object(fields, indent);
}

std::string ambiguous_pupil(const School& school, const Timetable& tt, std::size_t indent) {
  const TtPlanted& p = tt.planted;
  const TtPupil* t = p.twin_a == kNone ? nullptr : find_pupil(tt, p.twin_a);
  if (t == nullptr) return "null";
  Fields fields = pupil_fields(*t);
  fields.emplace_back("eleve_ids",
                      list({school.pupils[p.twin_a].eleve_id, school.pupils[p.twin_b].eleve_id}));
  return object(fields, indent);
}

std::string group_members(const School& school, const Timetable& tt, std::size_t g) {
  std::vector<std::uint64_t> ids;
  for (const TtPupil& t : tt.pupils) {
    if (std::find(t.groups.begin(), t.groups.end(), g) != t.groups.end())
      ids.push_back(t.pupil == kNone ? 0 : school.pupils[t.pupil].eleve_id);
  }
  return list(ids);
}

std::string unknown_group(const School& school, const Timetable& tt, std::size_t indent) {
  const std::size_t g = tt.planted.unknown_group;
  if (g == kNone) return "null";
  return object({{"code", quoted(tt.groups[g].code)},
                 {"edt_ident", std::to_string(tt.groups[g].ident)},
                 {"eleve_ids", group_members(school, tt, g)}},
                indent);
}

std::string unmatched_teacher(const School& school, const Timetable& tt, std::size_t indent) {
  const TtPlanted& p = tt.planted;
  if (p.teacher_division == kNone) return "null";
  const auto it = std::find_if(tt.teachers.begin(), tt.teachers.end(),
                               [](const TtTeacher& t) { return t.staff == kNone; });
  const TtTeacher& t = *it;
  return object({{"nom", quoted(t.nom)},
                 {"prenom", quoted(t.prenom)},
                 {"birth_date", birth(t.naiss)},
                 {"edt_ident", std::to_string(t.ident)},
                 {"udt_code", std::to_string(t.udt_code)},
                 {"subject", quoted(ref::subject(ref::kAp).gestion)},
                 {"division", quoted(school.divisions[p.teacher_division].code)}},
                indent);
}

std::string mismatch(const School& school, const Timetable& tt, std::size_t indent) {
  const TtPlanted& p = tt.planted;
  if (p.mismatch_group == kNone) return "null";
  const TtGroup& g = tt.groups[p.mismatch_group];
  return object({{"group", quoted(g.code)},
                 {"edt_ident", std::to_string(g.ident)},
                 {"added", std::to_string(school.pupils[p.added].eleve_id)},
                 {"removed", std::to_string(school.pupils[p.removed].eleve_id)},
                 {"timetable_members", std::to_string(g.members)}},
                indent);
}

std::string records(const School& school, const Timetable& tt, std::size_t indent) {
  std::vector<std::uint64_t> undated;
  for (const TtPupil& t : tt.pupils) {
    if (t.pupil != kNone && !t.naiss.present()) undated.push_back(school.pupils[t.pupil].eleve_id);
  }
  const std::size_t in = indent + 2;
  return object({{"unmatched_pupil", unmatched_pupil(school, tt, in)},
                 {"ambiguous_pupil", ambiguous_pupil(school, tt, in)},
                 {"unknown_group", unknown_group(school, tt, in)},
                 {"unmatched_teacher", unmatched_teacher(school, tt, in)},
                 {"membership_mismatch", mismatch(school, tt, in)},
                 {"pupils_without_birth_date", list(undated)},
                 {"homonyms_moved", std::to_string(tt.planted.homonyms_moved)}},
                indent);
}

}  // namespace

std::string timetable_json(const School& school, const Timetable& tt, const TimetableOracle& oracle,
                           const FileList& files) {
  constexpr std::size_t kIndent = 6;  // a school's keys
  constexpr std::size_t kIn = kIndent + 2;
  Fields file_fields;
  for (const auto& [kind, path] : files) file_fields.emplace_back(kind, quoted(path));
  return object({{"files", object(file_fields, kIn)},
                 {"counts", counter(oracle.counts, kIn)},
                 {"warnings", counter(oracle.warnings, kIn)},
                 {"course_file_warnings", counter(oracle.course_warnings, kIn)},
                 {"records", records(school, tt, kIn)}},
                kIndent);
}

}  // namespace gen
