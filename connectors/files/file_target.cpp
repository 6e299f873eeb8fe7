#include "connectors/files/file_target.hpp"

#include <stdexcept>

#include "connectors/files/atomic_file.hpp"
#include "connectors/files/rotation.hpp"

namespace edusync::connectors::files {
namespace {

std::size_t keep_count(const Settings& settings) {
  const std::string text = settings.value("keep", "10");
  const unsigned long keep = std::stoul(text);
  return keep == 0 ? 1 : static_cast<std::size_t>(keep);
}

}  // namespace

model::Warning record_warning(std::string code, std::string message, std::string key) {
  return model::Warning{std::move(code), std::move(message), {std::move(key)}, {}};
}

ApplyResult FileTarget::apply(const ApplyContext& context) {
  ApplyResult result;
  if (context.plan.empty()) return result;  // nothing changed: the last files still hold
  try {
    const std::string dir = settings_.value("dir");
    ensure_directory(dir);
    for (const auto& school : context.after.schools) {
      const SchoolView after = view_school(context.after, school.uai);
      const SchoolView before = view_school(context.before, school.uai);
      auto built = build({context, after, before});
      const std::string stem = run_stem(prefix(), school.uai, context.today, context.run_id);
      for (const auto& file : built.files) write_atomically(dir, stem + file.suffix, file.bytes);
      rotate(dir, prefix(), school.uai, keep_count(settings_));
      for (auto& warning : built.warnings) result.warnings.push_back(std::move(warning));
    }
    result.applied = context.plan.items.size();
  } catch (const std::exception& error) {
    result.error = settings_.name + " : " + error.what();
  }
  return result;
}

}  // namespace edusync::connectors::files
