#pragma once
// Checks on the raw bytes of a document, before and while libxml2 reads them: files that are
// not XML at all (a gzip, a PDF, a spreadsheet saved by mistake) and UTF-8 text in a file that
// declares ISO-8859-15, which libxml2 would read without error as mojibake ("Ã©" for "é").
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "text/message.hpp"

namespace edusync::xml {

// When `head` (the first bytes of a document) is a known binary format, what it is and what
// to do; nullopt otherwise (including for an empty head: the caller says "empty").
std::optional<text::Message> describe_binary_format(std::string_view head);

// True for the names of the single-byte Western encodings (ISO-8859-15, ISO-8859-1,
// windows-1252 and their aliases), in which a UTF-8 text reads as mojibake without error.
bool is_latin_encoding(std::string_view name);

// Watches the bytes of a document declared in a Latin encoding. A French text really written
// in Latin-9 has accented letters as single bytes (E9 for é) followed by ASCII, which is never
// valid UTF-8; a text converted to UTF-8 has only valid multi-byte sequences (C3 A9). So:
// at least one multi-byte sequence and not one invalid byte proves the file is UTF-8.
class Utf8Evidence {
 public:
  void feed(std::string_view bytes);
  bool proves_utf8() const { return !invalid_ && sequences_ > 0 && pending_ == 0; }
  // The first multi-byte sequence seen and its line, for the message.
  const std::string& first_sequence() const { return first_sequence_; }
  std::uint64_t first_line() const { return first_line_; }

 private:
  void start_sequence(unsigned char lead, std::uint64_t line);

  bool invalid_ = false;
  int pending_ = 0;  // continuation bytes still expected
  std::uint64_t sequences_ = 0;
  std::uint64_t line_ = 1;
  std::string current_, first_sequence_;
  std::uint64_t first_line_ = 0;
};

// The message for a document that Utf8Evidence proved to be UTF-8.
text::Message describe_utf8_in_latin(const std::string& declared, const Utf8Evidence& evidence);

}  // namespace edusync::xml
