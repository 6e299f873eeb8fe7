#include "sources/xml/content_checks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "common/latin9.hpp"
#include "common/utf8.hpp"

namespace edusync::xml {
namespace {

struct Signature {
  std::string_view magic;
  const char* what;  // a catalogue id
};

const std::array<Signature, 9> kSignatures = {{
    {std::string_view("\x1F\x8B", 2), "input.binary.gzip"},
    {"BZh", "input.binary.bzip2"},
    {std::string_view("\xFD"
                      "7zXZ\x00",
                      6),
     "input.binary.xz"},
    {std::string_view("\x28\xB5\x2F\xFD", 4), "input.binary.zstd"},
    {std::string_view("7z\xBC\xAF\x27\x1C", 6), "input.binary.7z"},
    {"Rar!", "input.binary.rar"},
    {"PK", "input.binary.zip"},
    {"%PDF", "input.binary.pdf"},
    {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "input.binary.office"},
}};

// What the file is, then "edusync lit les exports XML de SIECLE et STS-web...".
text::Message with_advice(const char* what) {
  return text::message("input.binary.advice", {text::nested("what", text::message(what))});
}

bool starts_with_html(std::string_view head) {
  std::string start(head.substr(0, 64));
  std::transform(start.begin(), start.end(), start.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto first = start.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return false;
  start.erase(0, first);
  return start.starts_with("<!doctype html") || start.starts_with("<html");
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// A byte as ISO-8859-15 shows it, in UTF-8: what the operator sees in the mojibake.
std::string latin9_glyph(unsigned char byte) {
  if (byte < 0xA0) return "·";  // C1 controls are invisible
  return latin9::to_utf8(std::string_view(reinterpret_cast<const char*>(&byte), 1));
}

}  // namespace

std::optional<text::Message> describe_binary_format(std::string_view head) {
  for (const auto& signature : kSignatures) {
    if (head.starts_with(signature.magic)) return with_advice(signature.what);
  }
  if (starts_with_html(head)) return with_advice("input.binary.html");
  return std::nullopt;
}

bool is_latin_encoding(std::string_view name) {
  const std::string key = upper(name);
  for (const char* latin :
       {"ISO-8859-15", "ISO8859-15", "ISO_8859-15", "LATIN-9", "LATIN9", "ISO-8859-1", "ISO8859-1",
        "ISO_8859-1", "LATIN-1", "LATIN1", "WINDOWS-1252", "CP1252"}) {
    if (key == latin) return true;
  }
  return false;
}

void Utf8Evidence::start_sequence(unsigned char lead, std::uint64_t line) {
  // C2..DF: 2 bytes, E0..EF: 3, F0..F4: 4; C0, C1 and F5..FF never start a sequence.
  const std::size_t length = utf8::sequence_length(lead);
  if (length < 2) {
    invalid_ = true;
    return;
  }
  pending_ = static_cast<int>(length - 1);
  current_.assign(1, static_cast<char>(lead));
  if (first_sequence_.empty()) first_line_ = line;
}

void Utf8Evidence::feed(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size() && !invalid_; ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (pending_ > 0) {
      if (!utf8::is_continuation(byte)) {
        invalid_ = true;
        return;
      }
      current_ += static_cast<char>(byte);
      if (--pending_ == 0) {
        ++sequences_;
        if (first_sequence_.empty()) first_sequence_ = current_;
      }
    } else if (byte >= 0x80) {
      start_sequence(byte, line_);
    } else if (byte == '\n') {
      ++line_;
    }
  }
}

text::Message describe_utf8_in_latin(const std::string& declared, const Utf8Evidence& evidence) {
  const std::string& sequence = evidence.first_sequence();
  std::string bytes, mojibake;
  for (const char c : sequence) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(c));
    if (!bytes.empty()) bytes += ' ';
    bytes += hex;
    mojibake += latin9_glyph(static_cast<unsigned char>(c));
  }
  using text::arg;
  return text::message(
      "input.encoding.utf8_in_latin",
      {arg("declared", declared), arg("line", std::to_string(evidence.first_line())),
       arg("sequence", sequence), arg("bytes", std::move(bytes)),
       arg("mojibake", std::move(mojibake))});
}

}  // namespace edusync::xml
