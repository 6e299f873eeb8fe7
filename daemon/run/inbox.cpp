#include "run/inbox.hpp"

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>

#include "common/errors.hpp"
#include "sources/parsers/export_parser.hpp"

namespace edusync::run {
namespace {

namespace fs = std::filesystem;

struct Seen {
  fs::path path;
  FileStamp stamp;
};

// A regular file's stamp now; nothing for anything else or a file gone meanwhile.
std::optional<FileStamp> stamp_of(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  FileStamp stamp;
  stamp.size = fs::file_size(path, error);
  if (!error) stamp.modified = fs::last_write_time(path, error);
  if (error) return std::nullopt;
  return stamp;
}

std::vector<Seen> list_candidates(const fs::path& inbox, std::vector<IgnoredFile>& ignored) {
  std::vector<Seen> seen;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(inbox, error)) {
    const auto stamp = stamp_of(entry.path());
    if (!stamp) continue;
    if (has_temporary_name(entry.path().filename().string())) {
      ignored.push_back({entry.path().string(), text::message("inbox.temporary_name")});
      continue;
    }
    seen.push_back({entry.path(), *stamp});
  }
  if (error)
    throw InputError({inbox.string()},
                     text::message("inbox.unreadable", {text::arg("error", error.message())}));
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.path < b.path; });
  return seen;
}

struct Candidate {
  input::DocumentRef document;
  sources::ParsedExport header;
  fs::file_time_type modified;
};

// Waits `settle_time` unless `stop` is asked to stop first; false when it was (or already is).
bool settle(std::chrono::milliseconds settle_time, const std::stop_token& stop) {
  if (stop.stop_requested()) return false;
  if (settle_time.count() <= 0) return true;
  std::mutex mutex;
  std::condition_variable_any woken;
  std::unique_lock lock(mutex);
  // Nothing else notifies: the wait ends on the stop request or at the deadline (it returns
  // the predicate's value, false either way).
  woken.wait_for(lock, stop, settle_time, [] { return false; });
  return !stop.stop_requested();
}

// Every file listed has the stamp a watch saw once the inbox had settled.
bool still_as_settled(const std::vector<Seen>& seen, const InboxStamps& settled) {
  return std::all_of(seen.begin(), seen.end(), [&settled](const Seen& file) {
    const auto found = settled.find(file.path.filename().string());
    return found != settled.end() && found->second == file.stamp;
  });
}

bool newer(const Candidate& a, const Candidate& b) {
  const auto& a_date = a.header.header.export_date;
  const auto& b_date = b.header.header.export_date;
  if (a_date != b_date) return a_date > b_date;
  if (a.modified != b.modified) return a.modified > b.modified;
  return a.document.display_name() > b.document.display_name();
}

// A UDT export is a whole archive: the members of the newest one are all kept, not one.
bool same_udt_archive(const Candidate& member, const Candidate& newest) {
  return member.header.kind == sources::ExportKind::udt &&
         member.document.path == newest.document.path;
}

// The document's header, or nothing for a stray file (a well-formed XML that is no export:
// listed in `ignored` with the reason). A broken export still throws: it stops the run.
std::optional<sources::ParsedExport> read_header_unless_stray(const input::DocumentRef& document,
                                                              std::vector<IgnoredFile>& ignored) {
  try {
    return sources::read_export_header(*input::open_document(document));
  } catch (const InputError& error) {
    if (!error.is_stray()) throw;
    ignored.push_back({document.display_name(), error.message()});
    return std::nullopt;
  }
}

}  // namespace

bool has_temporary_name(std::string_view name) {
  for (const char* suffix : {".part", ".tmp", ".crdownload", "~"}) {
    if (name.ends_with(suffix)) return true;
  }
  return name.starts_with('.');
}

// XML (after an optional BOM and white space), a zip signature, or UDT's course text file;
// anything else is not ours.
bool looks_like_export(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4096] = {};
  in.read(head, sizeof head);
  std::string_view bytes(head, static_cast<std::size_t>(in.gcount()));
  if (bytes.starts_with("PK")) return true;
  if (sources::looks_like_udt_courses(bytes)) return true;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '<';
}

InboxStamps stamp_inbox(const fs::path& inbox) {
  InboxStamps stamps;
  std::error_code error;
  for (fs::directory_iterator it(inbox, error), end; !error && it != end; it.increment(error)) {
    const auto name = it->path().filename().string();
    if (has_temporary_name(name)) continue;
    if (const auto stamp = stamp_of(it->path())) stamps.emplace(name, *stamp);
  }
  return stamps;
}

InboxSelection scan_inbox(const std::string& inbox, std::chrono::milliseconds settle_time,
                          const std::stop_token& stop, const InboxStamps* settled) {
  InboxSelection selection;
  auto seen = list_candidates(inbox, selection.ignored);
  if (settled != nullptr && still_as_settled(seen, *settled)) settle_time = {};
  if (!settle(settle_time, stop)) {
    for (const auto& file : seen) {
      selection.ignored.push_back({file.path.string(), text::message("inbox.stop_requested")});
    }
    selection.stopped = true;
    return selection;
  }
  std::map<std::pair<std::string, std::string>, std::vector<Candidate>> by_kind;
  for (const auto& file : seen) {
    if (stamp_of(file.path) != file.stamp) {
      selection.ignored.push_back({file.path.string(), text::message("inbox.size_changing")});
      continue;
    }
    if (!looks_like_export(file.path)) {
      selection.ignored.push_back({file.path.string(), text::message("inbox.not_an_export")});
      continue;
    }
    for (auto& document : input::list_documents(file.path.string())) {
      auto header = read_header_unless_stray(document, selection.ignored);
      if (!header) continue;
      auto& same_kind =
          by_kind[{std::string(sources::to_string(header->kind)), header->header.uai}];
      same_kind.push_back({std::move(document), std::move(*header), file.stamp.modified});
    }
  }
  std::vector<Candidate> chosen;
  for (auto& [kind_uai, candidates] : by_kind) {
    std::sort(candidates.begin(), candidates.end(), newer);
    for (std::size_t i = 1; i < candidates.size(); ++i) {
      if (same_udt_archive(candidates[i], candidates.front())) {
        chosen.push_back(std::move(candidates[i]));
        continue;
      }
      selection.ignored.push_back(
          {candidates[i].document.display_name(),
           text::message("inbox.older_duplicate",
                         {text::arg("kind", kind_uai.first),
                          text::arg("newer", candidates.front().document.display_name())})});
    }
    chosen.push_back(std::move(candidates.front()));
  }
  std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) {
    return a.document.display_name() < b.document.display_name();
  });
  for (auto& candidate : chosen) {
    selection.chosen.push_back(std::move(candidate.document));
    selection.headers.push_back(std::move(candidate.header));
  }
  return selection;
}

}  // namespace edusync::run
