#include "connectors/journal/journal_connector.hpp"

#include <exception>
#include <filesystem>
#include <string>

#include "common/file_writer.hpp"
#include "plan/plan_json.hpp"

namespace edusync::connectors {
namespace {

namespace fs = std::filesystem;

std::string numbered(const std::string& path, std::int64_t n) {
  return path + "." + std::to_string(n);
}

// path -> path.1 -> ... -> path.<keep>, the oldest dropped, when path has reached `limit` bytes.
void rotate_if_full(const std::string& path, std::int64_t limit, std::int64_t keep) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (limit <= 0 || error || size < static_cast<std::uintmax_t>(limit)) return;
  fs::remove(numbered(path, keep), error);
  for (auto n = keep - 1; n >= 1; --n) {
    if (fs::exists(numbered(path, n), error)) fs::rename(numbered(path, n), numbered(path, n + 1));
  }
  fs::rename(path, numbered(path, 1));
}

}  // namespace

// One JSON line per item, appended and fsynced. Streamed through a 1 MiB buffer: a first run of
// an academy has millions of items. A failure leaves whole lines already written; the connector
// is then not acknowledged, the next run appends the plan again (the journal is an audit trail of
// what was pushed, not a state).
ApplyResult JournalConnector::apply(const ApplyContext& context) {
  ApplyResult result;
  if (context.plan.empty()) return result;
  const std::string path = settings_.path("path").string();
  try {
    rotate_if_full(path, settings_.integer("rotate_bytes"), settings_.integer("keep"));
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
    // The error is common/file_writer's or std::filesystem's own text, kept as it is.
    result.error =
        text::message("connector.journal.failed",
                      {text::arg("path", path), text::nested("error", message_of(error))});
    return result;
  }
  result.applied = context.plan.items.size();
  return result;
}

}  // namespace edusync::connectors
