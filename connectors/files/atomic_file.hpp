#pragma once
// Writing an output file so that a reader (the target's importer, an operator copying the
// drop directory) never sees half of it, and a crash leaves the previous file intact: the bytes
// go to a hidden temporary file in the same directory, which is fsynced, renamed over the final
// name, and the directory fsynced so that the rename itself survives a power cut.
#include <string>
#include <vector>

namespace edusync::connectors::files {

// Creates `dir` and its missing parents, each mode 0750 whatever the umask. Throws
// connectors::Error (connectors/error.hpp) with a message naming the directory.
void ensure_directory(const std::string& dir);

// File modes: what the importer reads through its group, and what holds initial passwords.
constexpr unsigned kSharedFileMode = 0640;
constexpr unsigned kSecretFileMode = 0600;

// Writes `bytes` to dir/name atomically (see above), with exactly `mode`. The crash point
// "file-target-before-rename" (EDUSYNC_CRASH_AT) fires after the temporary file is complete
// and synced, before the rename. Throws std::runtime_error naming the file on any failure; the
// temporary file is then removed.
void write_atomically(const std::string& dir, const std::string& name, const std::string& bytes,
                      unsigned mode = kSharedFileMode);

// A zip archive (libzip) of (member name, content) pairs, built in memory.
std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& members);

}  // namespace edusync::connectors::files
