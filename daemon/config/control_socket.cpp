#include <yaml-cpp/yaml.h>

#include "config/config.hpp"

namespace edusync::config {

// Only the one key, so that `edusync ctl reload` still finds the service after a mistake
// elsewhere in the file (the service then refuses the file and says where).
std::optional<std::filesystem::path> read_control_socket(const std::filesystem::path& path) {
  try {
    const auto root = YAML::LoadFile(path.string());
    const auto key = root["control_socket"];
    if (key && key.IsScalar() && !key.Scalar().empty()) return key.Scalar();
  } catch (const YAML::Exception&) {
    // Not YAML at all, or unreadable: the caller uses the default socket.
  }
  return std::nullopt;
}

std::optional<std::string> read_report_language(const std::filesystem::path& path) {
  try {
    const auto language = YAML::LoadFile(path.string())["report"]["language"];
    if (language && language.IsScalar() && (language.Scalar() == "fr" || language.Scalar() == "en"))
      return language.Scalar();
  } catch (const YAML::Exception&) {
    // Not YAML, unreadable, or `report` is not a map: the caller's default language.
  }
  return std::nullopt;
}

}  // namespace edusync::config
