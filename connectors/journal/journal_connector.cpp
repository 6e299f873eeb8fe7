#include "connectors/journal/journal_connector.hpp"

#include <exception>

#include "common/file_writer.hpp"
#include "plan/plan_json.hpp"

namespace edusync::connectors {

// One JSON line per item, appended and fsynced. Streamed through a 1 MiB buffer: a first run of
// an academy has millions of items. A failure leaves whole lines already written; the connector
// is then not acknowledged, the next run appends the plan again (the journal is an audit trail of
// what was pushed, not a state).
ApplyResult JournalConnector::apply(const ApplyContext& context) {
  ApplyResult result;
  if (context.plan.empty()) return result;
  const std::string path = settings_.path("path").string();
  try {
    auto journal = FileWriter::append(path);
    const std::string prefix = nlohmann::ordered_json{
        {"run", context.run_id},
        {"date", context.today},
        {"connector",
         settings_.name}}.dump();
    for (const auto& item : context.plan.items) {
      // {"run":…,"date":…,"connector":…,"item":{…}}: the prefix without its closing brace.
      journal << std::string_view(prefix).substr(0, prefix.size() - 1)
              << ",\"item\":" << plan::to_json(item).dump() << "}\n";
    }
    journal.commit();
  } catch (const std::exception& error) {
    result.error = "journal " + path + " : " + error.what();
    return result;
  }
  result.applied = context.plan.items.size();
  return result;
}

}  // namespace edusync::connectors
