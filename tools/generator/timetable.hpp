// The timetable program's view of a school (EDT / UDT), built from the School on a PRNG stream
// of its own (kTimetableStream), so that the SIECLE / STS-web model does not move; only the
// twins of TIMETABLE_AMBIGUOUS_PUPIL (and, rarely, accidental homonyms set apart) are written
// back into it. Writers: edt_writer, udt_writer, course_writers; oracle: timetable_expected.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.hpp"
#include "rng.hpp"

namespace gen {

inline constexpr std::uint64_t kTimetableStream = 0x4544'5455'4454'0001ULL;
inline constexpr std::string_view kUnknownGroupCode = "3 LAT-EDT";

// A part of a class (EDT PartieDeClasse, UDT gpe): the pupils of one division in one group, or
// one half of a class that no group uses (half = 1, 2).
struct TtPart {
  std::size_t division = 0;
  std::size_t group = kNone;  // index in Timetable::groups
  int half = 0;
  std::uint32_t ident = 0;
  std::string udt_code;  // "G1", "G2"… unique within the division
};

struct TtGroup {
  std::string code;           // Groupe@Nom, gpe@code_sts: the STS / SIECLE code
  std::size_t model = kNone;  // index in School::groups; kNone: unknown to SIECLE and STS-web
  std::size_t subject = 0;
  std::vector<std::size_t> parts;
  std::uint32_t ident = 0, members = 0;
};

struct TtPupil {
  std::size_t pupil = kNone;  // index in School::pupils; kNone: the pupil SIECLE lacks
  std::string nom, prenom;
  Date naiss;  // absent when SIECLE has none (EDT imports it from SIECLE)
  int sexe = 1;
  std::size_t division = 0;
  std::vector<std::size_t> groups;  // indexes in Timetable::groups
  int half = 0;                     // half-class part, 0 = none
  Date entree, sortie;              // of every link (Classe, PartieDeClasse)
  std::uint32_t ident = 0, udt_code = 0;
  std::string numero;  // NumeroNational: 13 digits, not an INE
};

struct TtTeacher {
  std::size_t staff = kNone;  // index in School::staff; kNone: absent from STS-web
  std::string nom, prenom;
  Date naiss;
  std::uint32_t ident = 0, udt_code = 0;
};

struct TtCourse {
  std::size_t subject = 0;
  std::vector<std::size_t> teachers;  // indexes in Timetable::teachers
  bool group = false;
  std::size_t audience = 0;  // division index, or index in Timetable::groups
  int day = 1, place = 0, places = 2;
  std::string room;
};

// What was planted (indexes in School::pupils unless said otherwise); kNone = not planted
// (a school too small to hold it).
struct TtPlanted {
  std::size_t twin_a = kNone, twin_b = kNone;  // the timetable lists twin_a's names once
  std::size_t unknown_group = kNone;           // index in Timetable::groups
  std::size_t unknown_group_course = kNone;    // index in Timetable::courses of its course
  std::size_t mismatch_group = kNone;          // index in Timetable::groups
  std::size_t added = kNone, removed = kNone;
  std::size_t unmatched_division = kNone;  // class of the pupil SIECLE lacks
  std::size_t teacher_division = kNone;    // class the unknown teacher teaches
  std::size_t homonyms_moved = 0;          // accidental homonyms set a day apart
};

struct Timetable {
  std::vector<std::uint32_t> subject_idents, division_idents;  // by ref / School index
  std::vector<TtPart> parts;
  std::vector<TtGroup> groups;
  std::vector<TtPupil> pupils;
  std::vector<TtTeacher> teachers;
  std::vector<TtCourse> courses;
  TtPlanted planted;
  Date first_monday;  // AnneeScolaire@DatePremierJourSemaine1
};

// Plants the twins into `school` (only with --timetables) and builds its timetable.
Timetable build_timetable(School& school, Rng& rng);

// Steps of build_timetable (timetable_twins.cpp, timetable_anomalies.cpp).
// Two current pupils with one key would make an ambiguity nobody planted: the later one is born
// a day later (or, without a birth date, gets a second given name). Returns how many moved
// (rare below some 10 000 pupils per school).
std::size_t separate_homonyms(School& school);
// Two current pupils of one level and sex, in no group SIECLE has members for, get the same
// NOM_DE_FAMILLE, PRENOM and DATE_NAISS; the timetable lists the first (twin_a) only.
void plant_twins(School& school, Rng& rng, TtPlanted& planted);
void plant_timetable_anomalies(const School& school, Timetable& tt, Rng& rng);

// Places course k of a structure in the week: 1-hour slots from 08:00, none at noon.
void schedule(TtCourse& course, int k, int offset);
std::string course_room(Rng& rng);  // "B12"

// Part index of (division, group) or (division, half); parts are made by finish_parts.
std::size_t part_of(const Timetable& tt, std::size_t division, std::size_t group, int half);

// Key the joins use: folded surname, folded given name, ISO birth date ("" when absent).
std::string pupil_key(std::string_view nom, std::string_view prenom, Date naiss);

// "yyyyMMddHHmmss" / xs:dateTime of the export: the export date at 18:30:00.
std::string timetable_stamp(const School& school);
std::string timetable_date_time(const School& school);

}  // namespace gen
