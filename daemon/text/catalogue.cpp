#include "text/catalogue.hpp"

#include <unordered_map>

namespace edusync::text {
namespace {

std::vector<Entry> gather() {
  std::vector<Entry> entries;
  for (const auto table :
       {warning_entries(), input_entries(), gate_entries(), run_entries(), connector_entries(),
        config_entries(), cli_entries(), service_entries(), report_entries(), state_entries(),
        key_entries(), container_entries(), timetable_input_entries(), timetable_entries()}) {
    entries.insert(entries.end(), table.begin(), table.end());
  }
  return entries;
}

// Built once, read-only afterwards: safe to share between threads.
const std::unordered_map<std::string_view, const Entry*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const Entry*> by_id;
    for (const auto& entry : all_entries()) by_id.emplace(entry.id, &entry);
    return by_id;
  }();
  return map;
}

}  // namespace

const std::vector<Entry>& all_entries() {
  static const std::vector<Entry> entries = gather();
  return entries;
}

const Entry* find_entry(std::string_view id) {
  const auto& map = index();
  const auto found = map.find(id);
  return found == map.end() ? nullptr : found->second;
}

}  // namespace edusync::text
