#pragma once
// The shared shape of the four file targets (KOXO, ENT, Pix, Éléa): on every run that changes
// something, for each school of the directory, the target builds its files in memory, then
// each is written atomically into the connector's `dir` under the run's stem (see rotation.hpp)
// and the files of all but the last `keep` runs are removed. Records the target would refuse
// become warnings of the result, not failures: the rest is written and acknowledged.
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/files/directory_view.hpp"

namespace edusync::connectors::files {

struct OutputFile {
  OutputFile(std::string file_suffix, std::string content, std::string secret_column = {},
             char csv_separator = ';')
      : suffix(std::move(file_suffix)),
        bytes(std::move(content)),
        password_column(std::move(secret_column)),
        separator(csv_separator) {}

  std::string suffix;  // appended to the run stem: "_full.csv", "_delta.csv", ".zip"
  std::string bytes;
  // Set when the file holds at least one initial password: the CSV column that holds them and
  // its separator. Such a file is written 0600 (else 0640) and reported in
  // ApplyResult::password_files, so that the column is emptied when the passwords expire.
  std::string password_column;
  char separator = ';';
  // Data rows, for previews: -1 counts the CSV lines after the header; an XML export sets its
  // records; an archive leaves -1 unknown.
  std::int64_t rows = -1;
};

struct BuiltFiles {
  std::vector<OutputFile> files;
  std::vector<model::Warning> warnings;
};

// What a target builds from, for one school.
struct BuildInput {
  const ApplyContext& context;
  const SchoolView& after;
  const SchoolView& before;  // the last acknowledged state, for deltas
};

class FileTarget : public Connector {
 public:
  explicit FileTarget(config::ConnectorConfig settings) : settings_(std::move(settings)) {}
  const config::ConnectorConfig& settings() const override { return settings_; }
  Capabilities capabilities() const override { return {}; }
  // Never throws: a failure to write is the result's error (the connector is not
  // acknowledged and the next run writes everything again).
  ApplyResult apply(const ApplyContext& context) final;
  std::vector<FilePreview> preview_files(const ApplyContext& context) final;

 protected:
  // "koxo", "ent", "pix", "elea": the first part of every file name.
  virtual std::string prefix() const = 0;
  virtual BuiltFiles build(const BuildInput& input) = 0;

 private:
  // Builds the files of every school of the directory and hands each school's to `use`, with
  // the stem of their names.
  template <typename Use>
  void build_schools(const ApplyContext& context, Use use);

  config::ConnectorConfig settings_;
};

// The keys every file target has (where its files go, how many runs are kept), then `own`.
std::vector<config::KeySpec> file_target_keys(std::vector<config::KeySpec> own);

// A refusal or encoding warning about one record.
model::Warning record_warning(std::string code, text::Message message, std::string key);

}  // namespace edusync::connectors::files
