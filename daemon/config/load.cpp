// Loading edusync.yaml: YAML syntax, then the core table, then each connector against its type's
// table, then the checks that involve several keys. Every problem is collected.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "config/config.hpp"
#include "config/connectors.hpp"
#include "config/walk.hpp"

namespace edusync::config {
namespace {

using text::arg;
using text::message;

// report.language as the document gives it, whatever else it holds: the language in which its
// problems are told. Empty when it is not "fr" or "en" (its own problem is reported as usual).
std::string language_of(const YAML::Node& document) {
  try {
    if (!document.IsMap()) return {};
    const auto report = document["report"];
    if (!report || !report.IsMap()) return {};
    const auto language = report["language"];
    if (language && language.IsScalar() && (language.Scalar() == "fr" || language.Scalar() == "en"))
      return language.Scalar();
  } catch (const YAML::Exception&) {
  }
  return {};
}

// The single document of the file (null when the file is empty or only comments), or nullopt
// after a syntax error.
std::optional<YAML::Node> parse_document(std::string_view text, Problems& problems) {
  try {
    const auto documents = YAML::LoadAll(std::string(text));
    if (documents.size() > 1) {
      problems.add(documents[1].Mark(), message("config.second_document"));
    }
    return documents.empty() ? YAML::Node() : documents.front();
  } catch (const YAML::Exception& error) {
    problems.add(error.mark, message("config.syntax_error", {arg("detail", error.msg)}));
    return std::nullopt;
  }
}

void check_uid_range(const Config& config, const Walked& walked, Problems& problems) {
  const auto& range = config.identity.uid_range;
  if (range.first <= range.last) return;
  const auto mark = walked.marks.contains("identity.uid_range.last")
                        ? walked.marks.at("identity.uid_range.last")
                        : walked.marks.at("identity.uid_range.first");
  problems.add(mark,
               message("config.uid_range_reversed", {arg("last", std::to_string(range.last)),
                                                     arg("first", std::to_string(range.first))}));
}

Config build(const Walked& walked, const ConnectorTables& tables, Problems& problems) {
  Config config;
  for (const auto& key : core_keys()) {
    const auto value = walked.values.find(key.path);
    if (key.store && value != walked.values.end()) key.store(config, value->second);
  }
  config.connectors = load_connectors(walked.lists.at("connectors"), tables, problems);
  if (walked.values.contains("identity.uid_range.first") &&
      walked.values.contains("identity.uid_range.last")) {
    check_uid_range(config, walked, problems);
  }
  return config;
}

}  // namespace

LoadResult load_config_from_string(std::string_view text, const std::string& display_name,
                                   const ConnectorTables& tables) {
  Problems problems(display_name);
  LoadResult result;
  const auto document = parse_document(text, problems);
  if (!document) {
    result.problems = problems.take();
    return result;
  }
  result.language = language_of(*document);
  const auto walked = walk(*document, core_keys(), {}, problems);
  auto config = walked.lists.contains("connectors") ? build(walked, tables, problems) : Config{};
  if (!problems.empty()) {
    result.problems = problems.take();
  } else {
    result.config = std::move(config);
  }
  return result;
}

// One problem without a place in the file. Built step by step: GCC 12 at -O3 warns
// (maybe-uninitialized, a false positive) on the nested aggregate initialiser.
LoadResult file_problem(const std::string& path, text::Message message) {
  LoadResult result;
  ConfigProblem problem;
  problem.where.file = path;
  problem.message = std::move(message);
  result.problems.push_back(std::move(problem));
  return result;
}

LoadResult load_config(const std::string& path, const ConnectorTables& tables) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return file_problem(path, message("config.is_directory"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int reason = errno;
    return file_problem(path, message("config.unreadable", {arg("reason", std::strerror(reason))}));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_config_from_string(text.str(), path, tables);
}

std::string format_problem(const ConfigProblem& problem, std::string_view language) {
  return format_location(problem.where) + text::render(problem.message, language);
}

}  // namespace edusync::config
