// libFuzzer target for one export parser: the whole sources stage (SAX stream, record trees,
// the parser of one kind, header checks) on arbitrary bytes. Built once per kind, with
// EDUSYNC_FUZZ_KIND naming an ExportKind enumerator (see CMakeLists.txt).
//
// Input layout: the first byte chooses how the bytes are handed out (the size of the pieces of
// the MemorySource, to exercise chunk boundaries in the push parser), the rest is the document.
// An InputError is the expected way to refuse a document; anything else escaping (another
// exception, a sanitizer report, a timeout, an out-of-memory) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/parsers/export_parser.hpp"

#ifndef EDUSYNC_FUZZ_KIND
#error "EDUSYNC_FUZZ_KIND must name an edusync::sources::ExportKind enumerator"
#endif
// The document's display name: a UDT member is known by its name in the archive.
#ifndef EDUSYNC_FUZZ_NAME
#define EDUSYNC_FUZZ_NAME "fuzz.xml"
#endif

namespace {

// 0x00-0x3F: pieces of 1 to 64 bytes; 0x40-0x7F: 64 to 4096 bytes; 0x80-0xFF: in one piece
// (the reader then sees its usual 256 KiB chunks).
std::size_t piece_size(std::uint8_t selector) {
  if (selector < 0x40) return std::size_t{selector} + 1;
  if (selector < 0x80) return (std::size_t{selector} - 0x3F) * 64;
  return std::size_t{1} << 20;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string document(reinterpret_cast<const char*>(data) + 1, size - 1);
  edusync::input::MemorySource source(EDUSYNC_FUZZ_NAME, std::move(document), piece_size(data[0]));
  try {
    constexpr auto kKind = edusync::sources::ExportKind::EDUSYNC_FUZZ_KIND;
    const auto parsed = edusync::sources::parse_export(source, kKind);
    // Cheap consistency facts that hold for every accepted document (timetable exports may
    // name no school: assemble/ gives them one).
    if (parsed.bytes != source.bytes_read() || parsed.sha256.size() != 64 ||
        (parsed.header.uai.empty() && !edusync::sources::is_timetable(kKind))) {
      __builtin_trap();
    }
  } catch (const edusync::InputError&) {
    // Refused: the expected outcome for most inputs.
  }
  return 0;
}
