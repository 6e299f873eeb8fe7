#include "connectors/files/file_target.hpp"

#include <algorithm>
#include <stdexcept>

#include "connectors/files/atomic_file.hpp"
#include "connectors/files/rotation.hpp"

namespace edusync::connectors::files {
namespace {

// `keep` is at least 1 (its key's range).
std::size_t keep_count(const config::ConnectorConfig& settings) {
  return static_cast<std::size_t>(settings.integer("keep"));
}

// The view of `uai`, empty when the directory has no one there.
const SchoolView& view_of(std::map<std::string, SchoolView>& views, const std::string& uai) {
  auto& view = views[uai];
  view.uai = uai;
  return view;
}

}  // namespace

std::vector<config::KeySpec> file_target_keys(std::vector<config::KeySpec> own) {
  std::vector<config::KeySpec> keys = {
      {"dir", config::path_type(), config::kRequired,
       "Directory the files are written to, created when missing"},
      {"keep", config::integer_type(1, 1000), "10",
       "How many runs' files are kept in dir, older ones are removed"},
  };
  for (auto& key : own) keys.push_back(std::move(key));
  return keys;
}

model::Warning record_warning(std::string code, text::Message message, std::string key) {
  return model::Warning{std::move(code), std::move(message), {std::move(key)}, {}};
}

template <typename Use>
void FileTarget::build_schools(const ApplyContext& context, Use use) {
  auto after_views = view_schools(context.after);
  auto before_views = view_schools(context.before);
  for (const auto& school : context.after.schools) {
    const SchoolView& after = view_of(after_views, school.uai);
    const SchoolView& before = view_of(before_views, school.uai);
    use(school.uai, run_stem(prefix(), school.uai, context.today, context.run_id),
        build({context, after, before}));
  }
}

namespace {

// A CSV's data rows: its lines after the header (a name never holds a line break).
std::int64_t rows_of(const OutputFile& file) {
  if (file.rows >= 0) return file.rows;
  if (!file.suffix.ends_with(".csv")) return -1;
  const auto lines = std::count(file.bytes.begin(), file.bytes.end(), '\n');
  return lines > 0 ? lines - 1 : 0;
}

}  // namespace

std::vector<FilePreview> FileTarget::preview_files(const ApplyContext& context) {
  std::vector<FilePreview> previews;
  if (context.plan.empty()) return previews;  // apply would write nothing
  build_schools(context, [&](const std::string&, const std::string& stem, const BuiltFiles& built) {
    for (const auto& file : built.files)
      previews.push_back({stem + file.suffix, rows_of(file), file.bytes.size()});
  });
  return previews;
}

ApplyResult FileTarget::apply(const ApplyContext& context) {
  ApplyResult result;
  if (context.plan.empty()) return result;  // nothing changed: the last files still hold
  try {
    const std::string dir = settings_.path("dir").string();
    ensure_directory(dir);
    build_schools(context, [&](const std::string& uai, const std::string& stem, BuiltFiles built) {
      for (const auto& file : built.files) {
        const bool secret = !file.password_column.empty();
        write_atomically(dir, stem + file.suffix, file.bytes,
                         secret ? kSecretFileMode : kSharedFileMode);
        if (secret)
          result.password_files.push_back(
              {std::string(dir).append("/").append(stem).append(file.suffix), file.separator,
               file.password_column});
      }
      rotate(dir, prefix(), uai, keep_count(settings_));
      for (auto& warning : built.warnings) result.warnings.push_back(std::move(warning));
    });
    result.applied = context.plan.items.size();
  } catch (const std::exception& error) {
    // message_of: a connector's own error in the reader's language; what() as it is for the
    // text of another part (common/file_writer's errors, std::filesystem's).
    result.error = text::message("connector.failed", {text::arg("connector", settings_.name),
                                                      text::nested("error", message_of(error))});
  }
  return result;
}

}  // namespace edusync::connectors::files
