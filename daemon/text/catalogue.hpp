#pragma once
// The catalogue of operator-facing messages: every warning, gate, input and configuration error,
// command-line text and log event, in French (the default) and English, side by side. Ids are
// dotted by domain ("warning.missing_ine", "gate.removal_threshold", "config.unknown_key"); the
// machine codes (MISSING_INE...) stay apart and never change with the language.
//
// The entries live in one table per domain (text/catalogue_*.cpp) and are looked up through this
// one index, which also serves the tests that check no French word reaches an English output.
#include <span>
#include <string_view>
#include <vector>

namespace edusync::text {

struct Entry {
  const char* id;
  const char* french;
  const char* english;
};

// The entry of `id`, or null.
const Entry* find_entry(std::string_view id);
// Every entry of every domain, in table order.
const std::vector<Entry>& all_entries();

// The tables, one per domain (text/catalogue_<domain>.cpp).
std::span<const Entry> warning_entries();
std::span<const Entry> input_entries();
std::span<const Entry> gate_entries();
std::span<const Entry> run_entries();
std::span<const Entry> connector_entries();
std::span<const Entry> config_entries();
std::span<const Entry> cli_entries();
std::span<const Entry> service_entries();
std::span<const Entry> report_entries();
std::span<const Entry> state_entries();
std::span<const Entry> key_entries();
std::span<const Entry> container_entries();
std::span<const Entry> timetable_input_entries();
std::span<const Entry> timetable_entries();

}  // namespace edusync::text
