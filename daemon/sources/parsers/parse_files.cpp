// Parallel parsing of independent documents: each document is parsed by one thread from start
// to end (a SAX parse is sequential), so the speed-up comes from parsing several files at once,
// e.g. the pupils' file on one core and the guardians' file on the other.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "sources/parsers/export_parser.hpp"

namespace edusync::sources {

std::vector<ParsedExport> parse_files(const std::vector<std::string>& paths, unsigned threads,
                                      const ParseOptions& options) {
  std::vector<input::DocumentRef> documents;
  for (const auto& path : paths) {
    for (auto& document : input::list_documents(path)) documents.push_back(std::move(document));
  }
  return parse_documents(documents, threads, options);
}

std::vector<ParsedExport> parse_documents(const std::vector<input::DocumentRef>& documents,
                                          unsigned threads, const ParseOptions& options) {
  if (documents.empty()) return {};
  // Largest first would balance better, but order of completion does not matter: results are
  // stored by index and the caller sees them in input order.
  std::vector<std::optional<ParsedExport>> results(documents.size());
  std::vector<std::exception_ptr> errors(documents.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < documents.size(); i = next++) {
      try {
        results[i] = parse_export(*input::open_document(documents[i]), std::nullopt, options);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const unsigned count = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(documents.size()));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins
  for (auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  std::vector<ParsedExport> parsed;
  parsed.reserve(results.size());
  for (auto& result : results) parsed.push_back(std::move(*result));
  return parsed;
}

}  // namespace edusync::sources
