#pragma once
// Fixed words of the text and HTML reports in the two report languages (report.language).
// Warning and gate messages are French in both (their codes are language-neutral).
#include <string>

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
  const char* added;
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
  const char* by_division;
  const char* unchanged;
  const char* unchanged_hint;
  const char* full_list;  // "liste complète :" before a JSON Lines file name
  const char* more;       // "autres" after the count of entries not shown
};

const Labels& labels(const std::string& language);

}  // namespace edusync::report
