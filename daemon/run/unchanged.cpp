#include "run/unchanged.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <map>
#include <thread>
#include <tuple>

#include "common/dates.hpp"
#include "common/sha256.hpp"
#include "sources/input/byte_source.hpp"
#include "sources/parsers/export_parser.hpp"
#include "state/run_details.hpp"

namespace edusync::run {
namespace {

using InputIdentity = std::tuple<std::string, std::string, std::string>;  // kind, uai, export date

InputIdentity identity_of(const sources::ParsedExport& header) {
  return InputIdentity{std::string(sources::to_string(header.kind)), header.header.uai,
                       header.header.export_date};
}

// What the applied run read, by (kind, uai, export date), as the state recorded it.
std::map<InputIdentity, state::RunInput> applied_inputs(state::StateStore& store,
                                                        const state::RunRecord& run) {
  std::map<InputIdentity, state::RunInput> inputs;
  for (auto& input : state::run_inputs(store.database(), run.id)) {
    InputIdentity identity{input.kind, input.uai, input.export_date};
    inputs.emplace(std::move(identity), std::move(input));
  }
  return inputs;
}

std::string sha256_of(const input::DocumentRef& document, std::uint64_t& bytes) {
  auto source = input::open_document(document);
  Sha256 hasher;
  std::string buffer(1 << 20, '\0');
  while (const std::size_t got = source->read(buffer.data(), buffer.size()))
    hasher.update({buffer.data(), got});
  bytes = source->bytes_read();
  return hasher.hex_digest();
}

// A plain file whose size differs from the bytes the applied run read has changed: no need to
// hash gigabytes to know it (zip members are left to the hash).
bool same_sizes(const InboxSelection& selection,
                const std::map<InputIdentity, state::RunInput>& inputs) {
  for (std::size_t i = 0; i < selection.chosen.size(); ++i) {
    if (!selection.chosen[i].member.empty()) continue;
    std::error_code error;
    const auto size = std::filesystem::file_size(selection.chosen[i].path, error);
    if (error || size != inputs.at(identity_of(selection.headers[i])).bytes) return false;
  }
  return true;
}

bool connectors_acknowledged(state::StateStore& store, const std::vector<std::string>& connectors,
                             std::int64_t snapshot) {
  return std::all_of(connectors.begin(), connectors.end(),
                     [&](const std::string& name) { return store.acknowledged(name) == snapshot; });
}

bool removal_due(state::StateStore& store, int grace_days, const std::string& today) {
  const auto departed = store.earliest_departure();
  return departed && days_between(*departed, today) >= grace_days;
}

}  // namespace

void hash_documents(const std::vector<input::DocumentRef>& documents,
                    std::vector<sources::ParsedExport>& into) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(documents.size());
  auto worker = [&] {
    for (std::size_t i = next++; i < documents.size(); i = next++) {
      try {
        into[i].sha256 = sha256_of(documents[i], into[i].bytes);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  {
    std::jthread helper(worker);
    worker();
  }
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

std::string inputs_digest(const std::vector<sources::ParsedExport>& sources) {
  std::vector<std::string> parts;
  parts.reserve(sources.size());
  for (const auto& s : sources)
    parts.push_back(std::string(sources::to_string(s.kind)) + "|" + s.header.uai + "|" + s.sha256);
  std::sort(parts.begin(), parts.end());
  Sha256 hasher;
  for (const auto& part : parts) hasher.update(part + "\n");
  return hasher.hex_digest();
}

state::RunInput recorded_input(const sources::ParsedExport& s) {
  return {s.path,
          std::string(sources::to_string(s.kind)),
          s.header.uai,
          s.header.school_year,
          s.header.export_date,
          s.header.version,
          s.records,
          s.bytes,
          s.sha256};
}

std::vector<state::RunInput> recorded_inputs(const std::vector<sources::ParsedExport>& sources) {
  std::vector<state::RunInput> inputs;
  inputs.reserve(sources.size());
  for (const auto& s : sources) inputs.push_back(recorded_input(s));
  return inputs;
}

std::optional<Unchanged> find_unchanged(state::StateStore& store, const InboxSelection& selection,
                                        const std::vector<std::string>& connectors, int grace_days,
                                        const std::string& today) {
  auto applied = store.last_applied_run();
  if (!applied || applied->status != "ok" ||
      !connectors_acknowledged(store, connectors, applied->snapshot_id)) {
    return std::nullopt;
  }
  const auto inputs = applied_inputs(store, *applied);
  if (inputs.size() != selection.headers.size()) return std::nullopt;
  for (const auto& header : selection.headers) {
    // A pupils' export without a date is dated by the run (assemble's rule: pupils who left
    // before the export date are not current), so its meaning changes daily.
    const bool dated_by_run =
        header.kind == sources::ExportKind::siecle_eleves && header.header.export_date.empty();
    if (dated_by_run || !inputs.contains(identity_of(header))) return std::nullopt;
  }
  if (removal_due(store, grace_days, today)) return std::nullopt;
  if (!same_sizes(selection, inputs)) return std::nullopt;
  // The report of the run that computed the snapshot holds its figures and warnings; the
  // unchanged runs after it point there (and retention keeps it, run/retention.hpp).
  Unchanged unchanged{store.first_run_of_snapshot(applied->snapshot_id).value_or(*applied),
                      selection.headers};
  hash_documents(selection.chosen, unchanged.sources);
  if (inputs_digest(unchanged.sources) != applied->inputs_digest) return std::nullopt;
  for (auto& source : unchanged.sources) source.records = inputs.at(identity_of(source)).records;
  return unchanged;
}

}  // namespace edusync::run
