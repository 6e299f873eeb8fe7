#pragma once
// Fixed words of the text and HTML reports in the two report languages (report.language).
// Warning and gate messages are French in both (their codes are language-neutral).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edusync::report {

struct Labels {
  const char* title;
  const char* run;
  const char* status;
  const char* school_year;
  const char* inputs;
  const char* ignored;
  const char* totals;
  const char* changes;
  const char* pupils;
  const char* guardians;
  const char* staff;
  const char* divisions;
  const char* groups;
  const char* memberships;
  const char* added;  // the column headings of the changes table: ajouts, modifications...
  const char* updated;
  const char* departed;
  const char* returned;
  const char* removed;
  const char* renamed;
  const char* renames;
  const char* leavers;
  const char* removal_on;
  const char* warnings;
  const char* gates;
  const char* connectors;
  const char* new_accounts;
  const char* none;
  const char* rollover;
  const char* dry_run;
  const char* held_hint;
  const char* unchanged;
  const char* unchanged_hint;
  const char* full_list;  // "liste complète :" before a JSON Lines file name
  const char* more;       // "autres" after the count of entries not shown
  const char* who_changed;
  const char* not_called;  // under "Cibles" in a dry run or a held run
};

const Labels& labels(const std::string& language);

// Every fixed word of the reports as (French, English): the Labels, statuses, operations, fields
// and counted nouns; for the tests that check a report holds only its own language's words.
std::vector<std::pair<std::string, std::string>> catalogue_pairs();

}  // namespace edusync::report

namespace edusync::report {

// The words of a run's status (report.json keeps the codes ok, held, failed, partial).
std::string status_label(const std::string& language, const std::string& status);
// "2025" (SIECLE's starting year) -> "2025-2026"; anything else as it is.
std::string school_year_label(const std::string& year);
// An ISO date as the language writes it: 27/12/2025 in French, ISO in English.
std::string date_label(const std::string& language, const std::string& iso);
// "1 arrivée", "2 arrivées", "0 départ" (French plural: 0 and 1 take the singular): a count of
// the report's `changes` (`family`: pupils, divisions, memberships...; `op`: added, removed...).
std::string count_label(const std::string& language, std::uint64_t count, const std::string& family,
                        const std::string& op);
// "0 avertissement", "1 warning", "13 avertissements": the count and the word it takes (French:
// 0 and 1 singular; English: 1 singular).
std::string counted_noun(const std::string& language, std::uint64_t count, std::string_view one,
                         std::string_view many);
// "5 opérations appliquées, 0 échec": what a connector did.
std::string applied_words(const std::string& language, std::uint64_t applied, std::uint64_t failed);
// What happened to a person: arrivée, retour, modification, départ, suppression.
const char* person_op_label(const std::string& language, const std::string& op);
// A field of a person as the plan names it (surname, given_name, division...), in words.
std::string field_label(const std::string& language, const std::string& field);
// The heading of the people of a school who are not in a class: guardians, staff, pupils
// without a division.
const char* people_heading(const std::string& language, const std::string& kind);

}  // namespace edusync::report
