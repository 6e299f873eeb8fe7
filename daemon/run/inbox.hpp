#pragma once
// The inbox: where operators (or a script) drop SIECLE, STS-web and timetable exports. Files
// are recognised by their content (XML, zip, UDT's course text), never their name. Of several
// exports of the same kind and school, the one with the newest export date wins; the others are
// listed as ignored (a UDT export is a zip whose members are all kept together).
// A file still being written is left for the next run: a temporary name (`.*`, `*.part`,
// `*.tmp`, `*.crdownload`, `*~`) or a size or modification time that changes while edusync looks.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "sources/exports.hpp"
#include "sources/input/byte_source.hpp"

namespace edusync::run {

struct IgnoredFile {
  std::string path;
  text::Message reason;  // for the report
};

struct InboxSelection {
  std::vector<input::DocumentRef> chosen;  // in a stable order (by name)
  // The header of each chosen document (kind, UAI, dates; no records), at the same index.
  std::vector<sources::ParsedExport> headers;
  std::vector<IgnoredFile> ignored;
  // A stop request ended the settle wait: nothing chosen, every file seen is in `ignored`
  // (left for the next scan).
  bool stopped = false;
};

// The rules by which a scan leaves a file alone, shared with whatever watches the inbox (the
// service's inbox watch) so that both agree on what counts as a drop.
// A temporary name: a file still being written, read by a later scan (`.*`, `*.part`, `*.tmp`,
// `*.crdownload`, `*~`). `name` is a file name, not a path.
bool has_temporary_name(std::string_view name);
// XML (after an optional UTF-8 BOM and white space) or a zip signature, from the first bytes of
// the file; false for anything else, including a file that cannot be opened.
bool looks_like_export(const std::filesystem::path& path);

// A file's size and modification time, as a scan compares them to tell a settled file.
struct FileStamp {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type modified;
  bool operator==(const FileStamp&) const = default;
};
// The files a scan would consider (regular, not a temporary name), by file name. Never throws:
// a missing or unreadable inbox, or a file gone while listing, leaves it out.
using InboxStamps = std::map<std::string, FileStamp>;
InboxStamps stamp_inbox(const std::filesystem::path& inbox);

// Lists the inbox, waits `settle_time` (a file whose size or modification time changes in the
// meantime is left for the next scan), then reads the headers. The wait is a timed wait on
// `stop`, not a sleep: a stop request ends it at once (from any thread), and the scan returns
// `stopped`, without reading any file. Throws InputError when a file looks like an export but
// its header cannot be read.
// `settled`: the inbox as a watch saw it after it stayed unchanged for a whole settle period
// (service/inbox_watch.hpp). When every file listed now still has the stamp it had then, the
// files are settled already and the scan does not wait again; any difference (a file added,
// rewritten, growing) and it waits the full `settle_time`.
InboxSelection scan_inbox(const std::string& inbox, std::chrono::milliseconds settle_time,
                          const std::stop_token& stop = {}, const InboxStamps* settled = nullptr);

}  // namespace edusync::run
