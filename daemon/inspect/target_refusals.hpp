#pragma once
// What each file target will refuse in the directory an inspection built, by the rules the
// targets apply when they write (model/acceptance.hpp): the records a run will leave out of
// KOXO, the ENT, Pix Orga and Éléa, known before the run. Grouped by rule; the text shows a
// few names per rule (an academy has thousands), the JSON every key.
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "text/message.hpp"

namespace edusync::inspect {

struct RuleRefusals {
  std::string code;      // PIX_FIRST_NAME_MISSING...
  text::Message reason;  // the first record's reason (names the export's field)
  std::vector<std::string> keys;
  std::vector<text::Message> names;  // "DUPONT Jean (élève 01234, 6A)", same order as keys
};

struct TargetRefusals {
  std::string type;   // the connector type: koxo-csv, ent-csv, pix-orga, elea-csv
  std::string label;  // "Pix Orga", "Pix Orga (format csv)"...
  std::size_t records = 0;
  std::vector<RuleRefusals> rules;  // by code
};

std::vector<TargetRefusals> target_refusals(const model::Directory& directory);

// The reasons in `language` (fr or en); codes and keys as they are.
nlohmann::ordered_json refusals_json(const std::vector<TargetRefusals>& refusals,
                                     std::string_view language);
void print_refusals(const std::vector<TargetRefusals>& refusals, std::string_view language,
                    std::ostream& out);

}  // namespace edusync::inspect
