// UDT's course text file: one line per weekly slot of a course, 12 columns
//   Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire
// separated by ';' or by tabs, with or without that header line. It names things and has no
// identifiers: assemble/ joins its teachers, subjects and audiences with STS-web by name and code.
//
// Reading. The source is read in chunks and line by line (LF or CRLF); a line over 64 KiB or a
// file of more rows than a school's timetable can have stops the file with an InputError, so
// memory stays bounded whatever the input. The encoding is UTF-8 when the file starts with a
// byte order mark or when its first line holding a non-ASCII byte is valid UTF-8, else
// Windows-1252 (what UDT writes on Windows; Latin-1 reads the same for letters): a later line
// that is not valid UTF-8 in a UTF-8 file is skipped with an issue. A recognised header gives
// the columns by name (any case and accents); without one the order above is assumed. A field
// may be quoted ("..." with "" for a quote, no separator inside); a separator at the end of
// every line is tolerated.
//
// Each row gives one service:
//   - teacher: "Professeur", one display name, "NOM Prénom" or "NOM P." or "NOM": the given name
//     is the run of last words that hold a lower-case letter or end with '.' (an initial), when a
//     word is left before it for the surname; when every word holds lower case ("Le Goff Anne")
//     the given name is the last word; a name in capitals only is all surname;
//   - subject: "Matière" (a code or a label, as the timetable names it);
//   - audience: "Regroup" when filled, else "Groupe", else "Div".
// The same service comes once per slot: it is kept once. A row of another number of columns,
// without a teacher, a subject or an audience, or whose teacher's name no person can have, gives
// an issue with its line number and no service; past kMaxIssues, such rows are only counted.
#include <array>
#include <cstring>
#include <optional>

#include "common/ascii_fold.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "common/utf8.hpp"
#include "sources/parsers/export_parser.hpp"
#include "sources/parsers/kind_parser.hpp"
#include "sources/parsers/unique_records.hpp"

namespace edusync::sources {
namespace {

constexpr std::size_t kColumns = 12;
constexpr std::size_t kChunkBytes = 64u << 10;
constexpr std::size_t kMaxLineBytes = 64u << 10;
// A large lycée has some 5,000 weekly slots; forty times that is no school's timetable.
constexpr std::uint64_t kMaxRows = 200'000;
constexpr std::size_t kMaxIssues = 1'000;
constexpr std::string_view kSource = "UDT";

// The header's names, folded (ASCII, lower case), in UDT's order.
constexpr std::array<std::string_view, kColumns> kHeader = {
    "jour",   "heure",   "div", "matiere", "professeur", "salle",
    "groupe", "regroup", "eff", "mo",      "freq",       "aire"};

// Windows-1252 characters of the bytes 80..9F; the five bytes it leaves undefined stay the C1
// controls of Latin-1 (which the name check refuses). A0..FF are Latin-1.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string utf8_text;
  utf8_text.reserve(bytes.size() + bytes.size() / 4);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      utf8_text += c;
    } else if (byte < 0xA0) {
      utf8::append(utf8_text, kWindows1252[byte - 0x80]);
    } else {
      utf8::append(utf8_text, byte);
    }
  }
  return utf8_text;
}

bool is_ascii(std::string_view bytes) {
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Lines into UTF-8, the file's encoding settled by a byte order mark or by its first line that
// is not ASCII.
class Decoder {
 public:
  enum class Encoding : std::uint8_t { unknown, utf8, windows1252 };

  void settle_utf8() { encoding_ = Encoding::utf8; }

  // The line in UTF-8; nullopt for a line that is not UTF-8 in a UTF-8 file.
  std::optional<std::string> decode(std::string_view line) {
    if (is_ascii(line)) return std::string(line);
    if (encoding_ == Encoding::unknown) {
      encoding_ = utf8::is_valid(line) ? Encoding::utf8 : Encoding::windows1252;
    }
    if (encoding_ == Encoding::windows1252) return windows1252_to_utf8(line);
    if (!utf8::is_valid(line)) return std::nullopt;
    return std::string(line);
  }

 private:
  Encoding encoding_ = Encoding::unknown;
};

// A field without its surrounding white space and quotes ("" inside quotes is one quote).
std::string clean_field(std::string_view field) {
  field = trim(field);
  if (field.size() < 2 || field.front() != '"' || field.back() != '"') return std::string(field);
  field = field.substr(1, field.size() - 2);
  std::string unquoted;
  for (std::size_t i = 0; i < field.size(); ++i) {
    unquoted += field[i];
    if (field[i] == '"' && i + 1 < field.size() && field[i + 1] == '"') ++i;
  }
  return std::string(trim(unquoted));
}

// The fields of a line; a 13th field left empty by a separator ending the line is dropped.
std::vector<std::string> split_fields(std::string_view line, char separator) {
  std::vector<std::string> fields;
  while (true) {
    const auto end = line.find(separator);
    fields.push_back(clean_field(line.substr(0, end)));
    if (end == std::string_view::npos) break;
    line.remove_prefix(end + 1);
  }
  if (fields.size() == kColumns + 1 && fields.back().empty()) fields.pop_back();
  return fields;
}

// The separator that cuts `line` into the 12 columns, or 0.
char separator_of(std::string_view line) {
  for (const char separator : {';', '\t'}) {
    if (split_fields(line, separator).size() == kColumns) return separator;
  }
  return 0;
}

bool is_header(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < 3; ++i) {
    if (fold_to_ascii(fields[i]) != kHeader[i]) return false;
  }
  return true;
}

bool is_day(std::string_view field) {
  const std::string folded = fold_to_ascii(field);
  for (const std::string_view day : {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}) {
    if (folded == day) return true;
  }
  return false;
}

// A lower-case letter: ASCII, or Latin-1's (ß to ÿ but ÷) and œ, which French names use.
bool has_lower_case(std::string_view word) {
  for (std::size_t at = 0; at < word.size();) {
    const utf8::Decoded decoded = utf8::decode(word, at);
    const char32_t c = decoded.code_point;
    if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || c == 0x153) {
      return true;
    }
    at += decoded.length;
  }
  return false;
}

bool is_given_name_word(std::string_view word) {
  return has_lower_case(word) || word.ends_with('.');
}

struct Teacher {
  std::string surname;
  std::string given_name;
};

// "NOM Prénom" into its parts (the rule is at the top of this file).
Teacher split_display_name(std::string_view name) {
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < name.size();) {
    const auto end = std::min(name.find(' ', at), name.size());
    if (end > at) words.push_back(name.substr(at, end - at));
    at = end + 1;
  }
  std::size_t first_given = words.size();
  while (first_given > 0 && is_given_name_word(words[first_given - 1])) --first_given;
  if (first_given == 0 && words.size() > 1) first_given = words.size() - 1;
  if (first_given == 0 || first_given == words.size()) return {std::string(name), {}};
  const auto join = [&](std::size_t from, std::size_t to) {
    std::string joined;
    for (std::size_t i = from; i < to; ++i) {
      if (!joined.empty()) joined += ' ';
      joined += words[i];
    }
    return joined;
  };
  return {join(0, first_given), join(first_given, words.size())};
}

// The source cut into lines, in chunks: never more than a chunk and a line in memory.
class LineReader {
 public:
  explicit LineReader(input::ByteSource& source) : source_(source), buffer_(kChunkBytes) {}

  // The next line without its end (LF or CRLF); false at the end of the source.
  bool next(std::string& line) {
    line.clear();
    bool started = false;
    while (true) {
      if (at_ == filled_ && !refill()) {
        if (!started) return false;
        ++number_;
        break;
      }
      started = true;
      const char* start = buffer_.data() + at_;
      const auto* newline = static_cast<const char*>(std::memchr(start, '\n', filled_ - at_));
      const std::size_t count =
          newline == nullptr ? filled_ - at_ : static_cast<std::size_t>(newline - start);
      if (line.size() + count > kMaxLineBytes) {
        throw InputError({source_.display_name(), static_cast<int>(number_ + 1)},
                         text::message("input.timetable.csv.line_too_long",
                                       {text::arg("max", std::to_string(kMaxLineBytes))}));
      }
      line.append(start, count);
      at_ += count;
      if (newline != nullptr) {
        ++at_;
        ++number_;
        break;
      }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

  // The number of the line last returned (1 for the first).
  std::uint64_t number() const { return number_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  bool refill() {
    filled_ = source_.read(buffer_.data(), buffer_.size());
    at_ = 0;
    bytes_ += filled_;
    return filled_ > 0;
  }

  input::ByteSource& source_;
  std::vector<char> buffer_;
  std::size_t at_ = 0;
  std::size_t filled_ = 0;
  std::uint64_t number_ = 0;
  std::uint64_t bytes_ = 0;
};

// Where the columns a service needs are: UDT's order, or the header's.
struct Columns {
  std::size_t division = 2;
  std::size_t subject = 3;
  std::size_t teacher = 4;
  std::size_t group = 6;
  std::size_t regroupement = 7;

  static Columns from_header(const std::vector<std::string>& header) {
    Columns columns;
    const auto find = [&](std::string_view name, std::size_t& column) {
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (fold_to_ascii(header[i]) == name) column = i;
      }
    };
    find("div", columns.division);
    find("matiere", columns.subject);
    find("professeur", columns.teacher);
    find("groupe", columns.group);
    find("regroup", columns.regroupement);
    return columns;
  }
};

class CourseTextParser {
 public:
  explicit CourseTextParser(input::ByteSource& source) : source_(source), lines_(source) {
    data_.origin = model::Origin::udt;
  }

  ParsedExport run() {
    std::string raw;
    while (lines_.next(raw)) {
      std::string_view bytes = raw;
      if (lines_.number() == 1 && bytes.starts_with(utf8::kByteOrderMark)) {
        bytes.remove_prefix(utf8::kByteOrderMark.size());
        decoder_.settle_utf8();
      }
      if (!trim(bytes).empty()) read_line(bytes);
    }
    if (separator_ == 0) throw not_courses(0);
    return finish();
  }

 private:
  InputError not_courses(std::uint64_t line) const {
    return InputError({source_.display_name(), static_cast<int>(line)},
                      text::message("input.timetable.csv.not_courses"));
  }

  void add_issue(text::Message message) {
    if (issues_.size() >= kMaxIssues) {
      ++issues_left_out_;
      return;
    }
    issues_.push_back({static_cast<std::uint32_t>(lines_.number()), std::move(message)});
  }

  void read_line(std::string_view bytes) {
    const std::optional<std::string> decoded = decoder_.decode(bytes);
    if (!decoded) {
      count_row();
      add_issue(text::message("input.timetable.csv.not_utf8"));
      return;
    }
    std::vector<std::string> fields;
    if (separator_ == 0) {
      separator_ = separator_of(*decoded);
      if (separator_ == 0) throw not_courses(lines_.number());
      fields = split_fields(*decoded, separator_);
      if (is_header(fields)) {
        columns_ = Columns::from_header(fields);
        return;
      }
    } else {
      fields = split_fields(*decoded, separator_);
    }
    count_row();
    if (fields.size() != kColumns) {
      add_issue(text::message("input.timetable.csv.columns",
                              {text::arg("count", std::to_string(fields.size()))}));
      return;
    }
    read_row(fields);
  }

  void count_row() {
    if (++rows_ > kMaxRows) {
      throw InputError({source_.display_name(), static_cast<int>(lines_.number())},
                       text::message("input.timetable.csv.too_many_rows",
                                     {text::arg("max", std::to_string(kMaxRows))}));
    }
  }

  // The field, or an issue naming its column when it is empty.
  const std::string* required(const std::string& field, std::string_view column) {
    if (!field.empty()) return &field;
    add_issue(
        text::message("input.timetable.csv.missing", {text::arg("column", std::string(column))}));
    return nullptr;
  }

  void read_row(const std::vector<std::string>& fields) {
    const std::string* teacher = required(fields[columns_.teacher], "Professeur");
    if (teacher == nullptr) return;
    const std::string* subject = required(fields[columns_.subject], "Matière");
    if (subject == nullptr) return;
    const std::string* audience = &fields[columns_.regroupement];
    if (audience->empty()) audience = &fields[columns_.group];
    if (audience->empty()) audience = required(fields[columns_.division], "Div");
    if (audience == nullptr) return;
    if (text::Message defect = name_defect("Professeur", *teacher); !defect.empty()) {
      const auto line = std::to_string(lines_.number());
      add_issue(text::message(
          "input.name.refused",
          {text::nested(
               "who", text::message("input.timetable.who.row_teacher", {text::arg("line", line)})),
           text::nested("defect", std::move(defect)), text::arg("source", std::string(kSource))}));
      return;
    }
    Teacher name = split_display_name(*teacher);
    TimetableService& service = data_.services.emplace_back();
    service.teacher_surname = std::move(name.surname);
    service.teacher_given_name = std::move(name.given_name);
    service.subject_code = *subject;
    service.structure_code = *audience;
    service.line = static_cast<std::uint32_t>(lines_.number());
    if (!unique_services_.last_is_new()) data_.services.pop_back();
  }

  ParsedExport finish() {
    if (issues_left_out_ > 0) {
      issues_.push_back({0, text::message("input.timetable.csv.more_issues",
                                          {text::count("count", issues_left_out_)})});
    }
    ParsedExport parsed;
    parsed.path = source_.display_name();
    parsed.kind = ExportKind::udt_courses;
    read_drop_name(parsed.path, parsed.header);
    parsed.records = rows_;
    parsed.bytes = lines_.bytes();
    parsed.issues = std::move(issues_);
    parsed.data = std::move(data_);
    return parsed;
  }

  input::ByteSource& source_;
  LineReader lines_;
  Decoder decoder_;
  char separator_ = 0;
  Columns columns_;
  std::uint64_t rows_ = 0;
  std::vector<ParseIssue> issues_;
  std::uint64_t issues_left_out_ = 0;
  TimetableExport data_;
  UniqueServices unique_services_{data_.services};
};

// The first line of `head` that is not blank, without its end; empty when there is none.
std::string_view first_line(std::string_view head) {
  if (head.starts_with(utf8::kByteOrderMark)) head.remove_prefix(utf8::kByteOrderMark.size());
  while (!head.empty()) {
    const auto end = head.find('\n');
    std::string_view line = head.substr(0, end);
    head = end == std::string_view::npos ? std::string_view() : head.substr(end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!trim(line).empty()) return line;
  }
  return {};
}

}  // namespace

bool looks_like_udt_courses(std::string_view head) {
  const std::string_view line = first_line(head);
  if (line.empty() || trim(line).front() == '<') return false;
  const std::optional<std::string> decoded = Decoder().decode(line);
  if (!decoded) return false;
  const char separator = separator_of(*decoded);
  if (separator == 0) return false;
  const std::vector<std::string> fields = split_fields(*decoded, separator);
  return is_header(fields) || is_day(fields[0]);
}

ParsedExport parse_udt_courses(input::ByteSource& source) {
  return CourseTextParser(source).run();
}

}  // namespace edusync::sources
