// libFuzzer target for Index Éducation's encrypted container (sources/timetable/
// index_container.hpp): the container's XML, base64, RSA blobs, AES, the digest and the
// inflating source on arbitrary bytes, with a throw-away RSA key generated once per process.
//
// Input layout: the first byte chooses the size of the pieces the bytes are handed out in (as
// fuzz_export.cpp), the second what the rest is:
//   0x00-0x3F  a container, opened with the key;
//   0x40-0x7F  a container, header only (no key);
//   0x80-0xBF  a document, sealed for the key (uncompressed) then opened and read back, which
//              must give it back exactly;
//   0xC0-0xFF  the decrypted bytes of a container declared compressed: sealed as they are, so
//              that the digest holds and the inflating source reads arbitrary bytes.
// An InputError is the expected way to refuse; anything else escaping (another exception, a
// sanitizer report, a timeout, an out-of-memory) is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/errors.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/timetable/index_container.hpp"
#include "sources/timetable/index_seal.hpp"

namespace {

using edusync::timetable::ContainerLimits;
using edusync::timetable::TestKeyPair;

std::size_t piece_size(std::uint8_t selector) {
  if (selector < 0x40) return std::size_t{selector} + 1;
  if (selector < 0x80) return (std::size_t{selector} - 0x3F) * 64;
  return std::size_t{1} << 20;
}

// The key pair and its private half in a temporary file, removed when the process exits.
// 1024 bits: generated once, and the reader's work does not depend on the size.
struct FuzzKey {
  TestKeyPair pair = edusync::timetable::generate_test_key_pair(1024);
  std::string file;

  FuzzKey() {
    const char* directory = std::getenv("TMPDIR");
    std::string pattern =
        std::string(directory != nullptr ? directory : "/tmp") + "/edusync-fuzz-key-XXXXXX";
    const int descriptor = mkstemp(pattern.data());
    if (descriptor < 0 || write(descriptor, pair.private_pem.data(), pair.private_pem.size()) !=
                              static_cast<ssize_t>(pair.private_pem.size())) {
      std::perror("fuzz_index_container: temporary key file");
      std::abort();
    }
    close(descriptor);
    file = pattern;
  }
  FuzzKey(const FuzzKey&) = delete;
  FuzzKey& operator=(const FuzzKey&) = delete;
  ~FuzzKey() { std::remove(file.c_str()); }
};

const FuzzKey& fuzz_key() {
  static const FuzzKey key;
  return key;
}

// Small enough that no input makes the fuzzer run out of memory.
ContainerLimits fuzz_limits() {
  ContainerLimits limits;
  limits.max_content_bytes = 1u << 20;
  limits.max_clear_bytes = 16u << 20;
  return limits;
}

std::string drain(edusync::input::ByteSource& source) {
  std::string out;
  std::string buffer(std::size_t{64} << 10, '\0');
  while (const std::size_t got = source.read(buffer.data(), buffer.size())) {
    out.append(buffer.data(), got);
  }
  return out;
}

std::string open_and_read(const std::string& container, std::size_t piece, bool header_only) {
  edusync::input::MemorySource source("fuzz.xml", container, piece);
  auto opened =
      edusync::timetable::open_index_container(source, fuzz_key().file, header_only, fuzz_limits());
  if (header_only != !opened.clear) __builtin_trap();
  return opened.clear ? drain(*opened.clear) : std::string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t piece = piece_size(data[0]);
  const std::uint8_t mode = data[1];
  std::string bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
  try {
    if (mode < 0x80) {
      open_and_read(bytes, piece, mode >= 0x40);
      return 0;
    }
    if (bytes.size() > (std::size_t{512} << 10)) return 0;  // its base64 would be over the limit
    edusync::timetable::SealOptions options;
    options.compress = false;
    options.date_time = "2026-09-14T18:30:00";
    std::string container =
        edusync::timetable::seal_index_container(bytes, fuzz_key().pair.public_pem, options);
    if (mode >= 0xC0) {
      const std::string flag = "CompresseAvantChiffrement=\"false\"";
      container.replace(container.find(flag), flag.size(), "CompresseAvantChiffrement=\"true\"");
      open_and_read(container, piece, false);
      return 0;
    }
    // Whatever was sealed opens back, a leading BOM dropped.
    const std::string expected = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    if (open_and_read(container, piece, false) != expected) __builtin_trap();
  } catch (const edusync::InputError&) {
    // Refused: the expected outcome for most inputs (never for a sealed document).
    if (mode >= 0x80 && mode < 0xC0) __builtin_trap();
  }
  return 0;
}
