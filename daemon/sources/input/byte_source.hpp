#pragma once
// Where the bytes of one export come from: a plain file or one member of a zip archive.
// Sources are read once, front to back, in chunks: nothing holds a whole file in memory.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace edusync::input {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes; returns 0 at the end. Throws InputError on a read failure or
  // when a limit is exceeded (zip bomb).
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  // How the operator names this input: "exports/Eleves.xml" or "Export.zip:ElevesSansAdresses.xml".
  virtual const std::string& display_name() const = 0;
  // Bytes handed out so far (after decompression).
  virtual std::uint64_t bytes_read() const = 0;
  // True when reading costs work of its own (inflating a zip member), worth doing on another
  // thread than the parse (ReadAheadSource).
  virtual bool inflates() const { return false; }
};

// Opens a file given by the user. A zip archive (recognised by its signature, not its name)
// yields one source per XML member; anything else yields the file itself, whatever its name.
// Throws InputError when the file cannot be opened or the archive is unreadable or empty.
std::vector<std::unique_ptr<ByteSource>> open_inputs(const std::string& path);

// One document: a plain file (empty `member`) or one member of a zip archive.
struct DocumentRef {
  std::string path;
  std::string member;
  std::string display_name() const { return member.empty() ? path : path + ":" + member; }
};
std::vector<DocumentRef> list_documents(const std::string& path);
std::unique_ptr<ByteSource> open_document(const DocumentRef& document);

}  // namespace edusync::input
