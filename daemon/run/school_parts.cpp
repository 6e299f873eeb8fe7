#include "run/school_parts.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>

#include "assemble/schools.hpp"
#include "common/errors.hpp"
#include "common/memory_trace.hpp"
#include "common/ordered_pipeline.hpp"
#include "common/sha256.hpp"
#include "run/unchanged.hpp"
#include "sources/input/byte_source.hpp"
#include "state/school_part_codec.hpp"
#include "state/school_parts.hpp"

namespace edusync::run {
namespace {

constexpr const char* kPartFormat = "edusync school part 1";

// The build of edusync that runs: the rules a part was made by are those of the program that
// made it, so a part is reused only by the same build (an upgrade reads every school once). A
// program that cannot read itself gets a value of its own: it reuses no other process's parts.
const std::string& program_fingerprint() {
  static const std::string digest = [] {
    std::ifstream program("/proc/self/exe", std::ios::binary);
    if (!program) return "unreadable program " + std::to_string(std::random_device()());
    Sha256 hasher;
    std::string buffer(1 << 16, '\0');
    while (program.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) ||
           program.gcount() > 0) {
      hasher.update({buffer.data(), static_cast<std::size_t>(program.gcount())});
    }
    if (program.bad()) return "unreadable program " + std::to_string(std::random_device()());
    return hasher.hex_digest();
  }();
  return digest;
}

// What a part depends on besides its exports: the program and the options assemble() reads.
// Of the configured schools only whether there is one counts: a timetable export without a
// UAI then belongs to it (with several, to the school its name starts with).
std::string options_fingerprint(const assemble::Options& options) {
  std::string text = kPartFormat;
  text += "\nprogram:" + program_fingerprint();
  text += "\none school:" + std::to_string(options.uais.size() == 1 ? 1 : 0);
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

// The run's date dates a pupils' export without one, and the links of a timetable export
// without a date when the school's pupils' export has none either (assemble/timetable.cpp):
// such a school's part is the run's alone, never stored nor reused.
bool dated_by_run(const std::vector<const sources::ParsedExport*>& school) {
  bool dated_pupils = false, undated_pupils = false, undated_timetable = false;
  for (const auto* source : school) {
    const bool undated = source->header.export_date.empty();
    if (source->kind == sources::ExportKind::siecle_eleves) {
      (undated ? undated_pupils : dated_pupils) = true;
    } else if (sources::is_timetable(source->kind) && undated) {
      undated_timetable = true;
    }
  }
  return undated_pupils || (undated_timetable && !dated_pupils);
}

// The school's inbox files still look like its stored part's inputs: same paths, kinds and
// export dates, in the same order, and plain files of the same size. Only then are they hashed.
bool looks_unchanged(const InboxSelection& selection, const assemble::SchoolExports& school,
                     const std::vector<sources::ParsedExport>& headers,
                     const state::StoredPart& stored) {
  if (stored.inputs.size() != school.positions.size()) return false;
  std::vector<const sources::ParsedExport*> mine;
  for (const std::size_t i : school.positions) mine.push_back(&headers[i]);
  if (dated_by_run(mine)) return false;
  for (std::size_t j = 0; j < school.positions.size(); ++j) {
    const std::size_t i = school.positions[j];
    const auto& input = stored.inputs[j];
    const auto& header = headers[i];
    if (input.path != header.path || input.kind != sources::to_string(header.kind) ||
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

// settle_schools() checked the years the scan read; a full parse reads some the scan does not (an
// EDT container's inner export). The same rule, on what the parse found.
void check_year(const sources::ParsedExport& parsed, std::string& school_year) {
  const auto& year = parsed.header.school_year;
  if (year.empty()) return;
  if (school_year.empty()) {
    school_year = year;
  } else if (year != school_year) {
    throw InputError(SourceLocation{parsed.path, parsed.header.line},
                     text::message("assemble.mixed_years",
                                   {text::arg("year", year), text::arg("others", school_year)}));
  }
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
  // A school parsed and assembled by a worker of read_schools(), with its part encoded for
  // the state when it is to be saved.
  struct Fresh {
    assemble::SchoolPart part;
    std::vector<sources::ParsedExport> exports;  // the school's, data moved into the part
    std::optional<state::StoredPart> stored;
    std::string blob;
  };

  void find_reusable();
  Fresh read_school(std::size_t school) const;
  void read_schools(std::vector<assemble::SchoolPart>& parts, ReadInputs& result);

  const InboxSelection& selection_;
  state::StateStore* store_;
  const ReadOptions& options_;
  std::string options_print_;
  std::vector<sources::ParsedExport> sources_;
  std::string school_year_;  // settle_schools()'s; read by the workers, never written meanwhile
  std::string parsed_year_;  // the year the parsed headers agree on (check_year)
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
      // As the run that parsed them read them: records, and the header fields a full parse
      // reads past what the scan does (an EDT container's inner year and version).
      source.records = stored_part.inputs[j].records;
      source.header.school_year = stored_part.inputs[j].school_year;
      source.header.version = stored_part.inputs[j].version;
      inputs.push_back(recorded_input(source));
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
    for (const std::size_t i : schools_[k].positions) {
      check_year(hashed[first], parsed_year_);
      sources_[i] = std::move(hashed[first++]);
    }
  }
}

// Parses one school's files one after the other and assembles its part (on a worker thread:
// reads only what read_schools() leaves alone meanwhile).
SchoolReader::Fresh SchoolReader::read_school(std::size_t k) const {
  const auto& school = schools_[k];
  Fresh fresh;
  fresh.exports.reserve(school.positions.size());
  for (const std::size_t i : school.positions) {
    auto parsed = sources::parse_export(*input::open_document(selection_.chosen[i]), std::nullopt,
                                        options_.parse);
    // A timetable export without a UAI belongs to the school settle_schools() gave it.
    if (parsed.header.uai.empty()) parsed.header.uai = school.uai;
    fresh.exports.push_back(std::move(parsed));
  }
  fresh.part = assemble::assemble_school(fresh.exports, options_.assemble, school_year_);
  std::vector<const sources::ParsedExport*> mine;
  for (const auto& source : fresh.exports) mine.push_back(&source);
  if (store_ == nullptr || !options_.save || dated_by_run(mine)) return fresh;
  state::StoredPart stored;
  for (const auto& source : fresh.exports) stored.inputs.push_back(recorded_input(source));
  stored.fingerprint = fingerprint(options_print_, stored.inputs);
  fresh.stored = std::move(stored);
  fresh.blob = state::encode_school_part(fresh.part.directory, fresh.part.warnings,
                                         fresh.part.shared_key_ines);
  return fresh;
}

// Two workers read the schools to parse, a few schools ahead of this thread, which keeps their
// parts, saves them in the state and records their inputs, school after school: the parsed
// exports of only a few schools are in memory at once.
void SchoolReader::read_schools(std::vector<assemble::SchoolPart>& parts, ReadInputs& result) {
  constexpr unsigned kWorkers = 2;
  constexpr std::size_t kAhead = 4;
  std::vector<std::size_t> to_read;
  for (std::size_t k = 0; k < schools_.size(); ++k) {
    if (!reused_.contains(k)) to_read.push_back(k);
  }
  std::vector<std::optional<assemble::SchoolPart>> by_school(schools_.size());
  ordered_pipeline<Fresh>(
      to_read.size(), kWorkers, kAhead, [&](std::size_t n) { return read_school(to_read[n]); },
      [&](std::size_t n, Fresh& fresh) {
        const auto& school = schools_[to_read[n]];
        for (std::size_t j = 0; j < school.positions.size(); ++j) {
          check_year(fresh.exports[j], parsed_year_);
          sources_[school.positions[j]] = std::move(fresh.exports[j]);
        }
        if (fresh.stored)
          state::save_school_part(store_->database(), school.uai, *fresh.stored, fresh.blob);
        by_school[to_read[n]] = std::move(fresh.part);
      });
  for (std::size_t k = 0; k < schools_.size(); ++k) {
    if (auto found = reused_.find(k); found != reused_.end()) {
      by_school[k] = assemble::SchoolPart{schools_[k].uai, std::move(found->second.directory),
                                          std::move(found->second.warnings),
                                          std::move(found->second.shared_key_ines)};
      result.reused.push_back(schools_[k].uai);
    } else {
      result.reread.push_back(schools_[k].uai);
    }
    parts.push_back(std::move(*by_school[k]));
  }
  reused_.clear();
}

ReadInputs SchoolReader::read() {
  schools_ = assemble::settle_schools(sources_, options_.assemble, school_year_);
  parsed_year_ = school_year_;
  find_reusable();
  trace_memory("inputs hashed");
  ReadInputs result;
  std::vector<assemble::SchoolPart> parts;
  parts.reserve(schools_.size());
  {
    std::optional<state::Transaction> transaction;
    if (store_ != nullptr && options_.save) transaction.emplace(store_->database());
    read_schools(parts, result);
    if (transaction) {
      std::vector<std::string> kept = options_.assemble.uais;
      for (const auto& school : schools_) kept.push_back(school.uai);
      state::keep_school_parts(store_->database(), kept);
      transaction->commit();
    }
  }
  trace_memory("parsed");  // and each school assembled, as it was parsed
  if (school_year_.empty()) school_year_ = parsed_year_;
  result.assembled = assemble::merge_schools(std::move(parts), schools_, sources_, school_year_);
  result.sources = std::move(sources_);
  return result;
}

}  // namespace

ReadInputs read_by_school(const InboxSelection& selection, state::StateStore* store,
                          const ReadOptions& options) {
  return SchoolReader(selection, store, options).read();
}

}  // namespace edusync::run
