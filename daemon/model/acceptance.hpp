#pragma once
// What each target refuses, decided from the canonical model alone, in one place: the file
// targets apply these rules when they write (a refused record is left out with a warning), and
// `edusync inspect` shows them beforehand ("Pix Orga refusera : ..."), so that what a run will
// leave out is known before the run. Each rule gives a stable code and the reason in French,
// naming the SIECLE or STS-web field to fix; the caller names the record.
//
// Pix Orga (its learner import, SCO: SIECLE XML and the 15-column CSV): an INE (ID_NATIONAL)
// held by this pupil only, a division, a first name and a family name, the sex, the birth date,
// and for a pupil born in France the INSEE code of the birth commune. The CSV also needs the
// birth country (INSEE 99xxx), the birth city name for a pupil born abroad, a department code
// of 2 or 3 characters (99 for abroad), the status ST or AP, and the MEF code.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/directory.hpp"
#include "text/message.hpp"

namespace edusync::model::acceptance {

struct Refusal {
  const char* code = nullptr;  // PIX_FIRST_NAME_MISSING...
  text::Message reason;        // "prénom vide (PRENOM)": what is wrong and the export's field
};

enum class PixFormat : std::uint8_t { siecle, csv };

// INEs held by more than one current pupil (SIECLE's duplicates): such a pupil has lost his
// INE as a key, and Pix, which identifies learners by INE, cannot take him. Built once per
// directory (one pass).
class SharedInes {
 public:
  explicit SharedInes(const std::vector<Pupil>& pupils);
  // The first of the pupil's INEs that another current pupil also holds, or empty.
  std::string shared_ine(const Pupil& pupil) const;

 private:
  std::unordered_map<std::string, std::uint32_t> holders_;
};

// The first Pix rule `pupil` breaks (division: his division code, empty when none).
std::optional<Refusal> pix_refusal(const Pupil& pupil, const std::string& division,
                                   PixFormat format, const SharedInes& shared);

// The CSV's "Code département naissance*": 99 for a pupil born abroad; for one born in France
// CODE_DEPARTEMENT_NAISS, else the department of the INSEE commune code (14118 -> 014,
// 2A004 -> 02A, 97411 -> 974).
std::string pix_birth_department(const Pupil& pupil);

// The ENT import (entcore feeder): a surname and a first name for everyone; a pupil also needs
// a birth date and a class.
std::optional<Refusal> ent_person_refusal(const std::string& surname,
                                          const std::string& given_name);
std::optional<Refusal> ent_pupil_refusal(const Pupil& pupil, const std::string& division);
// A parent is linked through his children's ids: one with no child in the pupils' file links
// nobody.
std::optional<Refusal> ent_guardian_refusal(const Contact& guardian, bool child_in_file);

// KOXO Synchro: a unique id to match on (ELENOET / STS-web id), a surname and a first name, and
// for a pupil a division (GroupeSecondaire).
std::optional<Refusal> koxo_refusal(bool has_unique_id, const std::string& surname,
                                    const std::string& given_name, bool pupil_without_division);

// Moodle's upload (Éléa): a first name and a surname (the login is checked at run time, when
// it exists).
std::optional<Refusal> elea_name_refusal(const std::string& surname, const std::string& given_name);

}  // namespace edusync::model::acceptance
