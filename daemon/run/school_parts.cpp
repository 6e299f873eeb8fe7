#include "run/school_parts.hpp"

#include <filesystem>
#include <map>
#include <optional>

#include "assemble/schools.hpp"
#include "common/memory_trace.hpp"
#include "common/sha256.hpp"
#include "run/unchanged.hpp"
#include "state/school_part_codec.hpp"
#include "state/school_parts.hpp"

namespace edusync::run {
namespace {

constexpr const char* kPartFormat = "edusync school part 1";

state::RunInput recorded(const sources::ParsedExport& s) {
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

// What a part depends on besides its exports: the options assemble() reads.
std::string options_fingerprint(const assemble::Options& options) {
  std::string text = kPartFormat;
  text += "\nuais:";
  for (const auto& uai : options.uais) text += uai + ",";
  text += "\nmemberships:" + std::to_string(static_cast<int>(options.timetable_memberships));
  text += "\nstale:" + std::to_string(options.timetable_stale_after_days) + "\n";
  return text;
}

std::string fingerprint(const std::string& options, const std::vector<state::RunInput>& inputs) {
  Sha256 hasher;
  hasher.update(options);
  for (const auto& input : inputs)
    hasher.update(input.kind + "|" + input.path + "|" + input.export_date + "|" + input.sha256 +
                  "\n");
  return hasher.hex_digest();
}

// The run's date dates a pupils' export without one: such a school's part is the run's alone.
bool dated_by_run(const sources::ParsedExport& header) {
  return header.kind == sources::ExportKind::siecle_eleves && header.header.export_date.empty();
}

// The school's inbox files still look like its stored part's inputs: same paths, kinds and
// export dates, in the same order, and plain files of the same size. Only then are they hashed.
bool looks_unchanged(const InboxSelection& selection, const assemble::SchoolExports& school,
                     const std::vector<sources::ParsedExport>& headers,
                     const state::StoredPart& stored) {
  if (stored.inputs.size() != school.positions.size()) return false;
  for (std::size_t j = 0; j < school.positions.size(); ++j) {
    const std::size_t i = school.positions[j];
    const auto& input = stored.inputs[j];
    const auto& header = headers[i];
    if (dated_by_run(header) || input.path != header.path ||
        input.kind != sources::to_string(header.kind) ||
        input.export_date != header.header.export_date) {
      return false;
    }
    if (selection.chosen[i].member.empty()) {
      std::error_code error;
      if (std::filesystem::file_size(selection.chosen[i].path, error) != input.bytes || error)
        return false;
    }
  }
  return true;
}

class SchoolReader {
 public:
  SchoolReader(const InboxSelection& selection, state::StateStore* store,
               const ReadOptions& options)
      : selection_(selection),
        store_(store),
        options_(options),
        options_print_(options_fingerprint(options.assemble)),
        sources_(selection.headers) {}

  ReadInputs read();

 private:
  void find_reusable();
  void parse_the_others();
  assemble::SchoolPart part_of(std::size_t school);
  void save(std::size_t school, const assemble::SchoolPart& part);

  const InboxSelection& selection_;
  state::StateStore* store_;
  const ReadOptions& options_;
  std::string options_print_;
  std::vector<sources::ParsedExport> sources_;
  std::string school_year_;
  std::vector<assemble::SchoolExports> schools_;
  std::map<std::size_t, state::PartContents> reused_;  // by school index
};

// Hashes the files of the schools whose stored part may still hold, and decodes the parts
// whose fingerprint matches.
void SchoolReader::find_reusable() {
  if (store_ == nullptr || !options_.reuse) return;
  std::map<std::string, state::StoredPart> stored;
  try {
    stored = state::stored_parts(store_->database());
  } catch (const std::exception&) {
    return;  // a store without the table (read-only, older): nothing to reuse
  }
  std::vector<std::size_t> candidates;
  std::vector<input::DocumentRef> documents;
  std::vector<sources::ParsedExport> hashed;
  for (std::size_t k = 0; k < schools_.size(); ++k) {
    const auto found = stored.find(schools_[k].uai);
    if (found == stored.end() || !looks_unchanged(selection_, schools_[k], sources_, found->second))
      continue;
    candidates.push_back(k);
    for (const std::size_t i : schools_[k].positions) {
      documents.push_back(selection_.chosen[i]);
      hashed.push_back(sources_[i]);
    }
  }
  hash_documents(documents, hashed);
  std::size_t next = 0;
  for (const std::size_t k : candidates) {
    const auto& stored_part = stored.at(schools_[k].uai);
    std::vector<state::RunInput> inputs;
    for (std::size_t j = 0; j < schools_[k].positions.size(); ++j) {
      auto& source = hashed[next++];
      source.records = stored_part.inputs[j].records;
      inputs.push_back(recorded(source));
    }
    if (fingerprint(options_print_, inputs) != stored_part.fingerprint) continue;
    const auto blob =
        state::load_school_part(store_->database(), schools_[k].uai, stored_part.fingerprint);
    if (!blob) continue;
    try {
      reused_.emplace(k, state::decode_school_part(*blob));
    } catch (const std::runtime_error&) {
      continue;  // an unreadable part is a cache miss
    }
    std::size_t first = next - schools_[k].positions.size();
    for (const std::size_t i : schools_[k].positions) sources_[i] = std::move(hashed[first++]);
  }
}

void SchoolReader::parse_the_others() {
  std::vector<std::size_t> positions;
  std::vector<input::DocumentRef> documents;
  for (std::size_t k = 0; k < schools_.size(); ++k) {
    if (reused_.contains(k)) continue;
    for (const std::size_t i : schools_[k].positions) {
      positions.push_back(i);
      documents.push_back(selection_.chosen[i]);
    }
  }
  auto parsed = sources::parse_documents(documents, 2, options_.parse);
  for (std::size_t j = 0; j < parsed.size(); ++j) sources_[positions[j]] = std::move(parsed[j]);
  // A parsed timetable export names its school as its header did: settled again, the same way.
  schools_ = assemble::settle_schools(sources_, options_.assemble, school_year_);
}

assemble::SchoolPart SchoolReader::part_of(std::size_t k) {
  const auto& school = schools_[k];
  if (auto found = reused_.find(k); found != reused_.end()) {
    assemble::SchoolPart part{school.uai, std::move(found->second.directory),
                              std::move(found->second.warnings)};
    reused_.erase(found);
    return part;
  }
  std::vector<sources::ParsedExport> mine;
  mine.reserve(school.positions.size());
  for (const std::size_t i : school.positions) mine.push_back(std::move(sources_[i]));
  auto part = assemble::assemble_school(mine, options_.assemble, school_year_);
  for (std::size_t j = 0; j < mine.size(); ++j) sources_[school.positions[j]] = std::move(mine[j]);
  save(k, part);
  return part;
}

void SchoolReader::save(std::size_t k, const assemble::SchoolPart& part) {
  if (store_ == nullptr || !options_.save) return;
  const auto& school = schools_[k];
  state::StoredPart stored;
  for (const std::size_t i : school.positions) {
    if (dated_by_run(sources_[i])) return;
    stored.inputs.push_back(recorded(sources_[i]));
  }
  stored.fingerprint = fingerprint(options_print_, stored.inputs);
  state::save_school_part(store_->database(), school.uai, stored,
                          state::encode_school_part(part.directory, part.warnings));
}

ReadInputs SchoolReader::read() {
  schools_ = assemble::settle_schools(sources_, options_.assemble, school_year_);
  find_reusable();
  trace_memory("inputs hashed");
  parse_the_others();
  trace_memory("parsed");
  ReadInputs result;
  std::vector<assemble::SchoolPart> parts;
  parts.reserve(schools_.size());
  {
    std::optional<state::Transaction> transaction;
    if (store_ != nullptr && options_.save) transaction.emplace(store_->database());
    for (std::size_t k = 0; k < schools_.size(); ++k) {
      (reused_.contains(k) ? result.reused : result.reread).push_back(schools_[k].uai);
      parts.push_back(part_of(k));
    }
    if (transaction) {
      std::vector<std::string> kept = options_.assemble.uais;
      if (kept.empty()) kept = result.reread;  // no configured schools: this run's
      state::keep_school_parts(store_->database(), kept);
      transaction->commit();
    }
  }
  result.assembled = assemble::merge_schools(std::move(parts), schools_, sources_);
  result.sources = std::move(sources_);
  return result;
}

}  // namespace

ReadInputs read_by_school(const InboxSelection& selection, state::StateStore* store,
                          const ReadOptions& options) {
  return SchoolReader(selection, store, options).read();
}

}  // namespace edusync::run
