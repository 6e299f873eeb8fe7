#pragma once
// An operator-facing message that is not yet words: a catalogue id (text/catalogue.hpp) and its
// arguments. It is rendered in the language of whoever reads it (report.language: fr or en), so
// one warning reads in French in a French report and in English in an English one, while its code
// stays the same in both.
//
// Template syntax, in the catalogue's French and English texts:
//   {name}             the argument `name`: plain text, a list ("A, B et C" / "A, B and C") or a
//                      nested message rendered in the same language;
//   {name|one|many}    a count and the word it takes: "1 élève", "3 élèves" (French: 0 and 1
//                      take the singular; English: only 1 does);
//   {name?one|many}    the word alone, agreed with the count: "porte" / "portent".
// Anything else is literal, apostrophes included.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edusync::text {

struct Message;

struct Arg {
  enum class Kind { text, count, list, nested };
  const char* name = "";  // a string literal: the placeholder's name
  Kind kind = Kind::text;
  std::string value;               // text, or the count's digits
  std::vector<std::string> items;  // a list
  std::vector<Message> nested;     // nested messages, joined as a list when several
};

struct Message {
  // Not an aggregate: a bare string must never become an id by brace initialisation. Build
  // messages with message() or verbatim() below.
  Message() = default;
  explicit Message(std::string message_id, std::vector<Arg> arguments, std::string text)
      : id(std::move(message_id)), args(std::move(arguments)), verbatim(std::move(text)) {}

  std::string id;  // a catalogue id: "warning.missing_ine"; empty for a verbatim text
  std::vector<Arg> args;
  std::string verbatim;  // words from outside edusync (a server's error), shown as they are

  bool empty() const { return id.empty() && verbatim.empty(); }
};

Arg arg(const char* name, std::string value);
Arg count(const char* name, std::uint64_t value);
Arg list(const char* name, std::vector<std::string> items);
Arg nested(const char* name, Message message);
// Several messages joined as a list ("A, B et C"), each in the reader's language.
Arg nested_list(const char* name, std::vector<Message> messages);

// A message of the catalogue with its arguments.
Message message(std::string id, std::vector<Arg> args = {});
// Text that is the same in every language: a name, a path, another program's own error text.
Message verbatim(std::string text);

// The message in `language` ("en" is English, anything else French). An id the catalogue does
// not hold, or a placeholder without its argument, is shown as such ("{name}") rather than
// dropped: a gap in the catalogue must be visible, never a crash (the catalogue test finds it).
std::string render(const Message& message, std::string_view language);
// A catalogue entry without arguments (a heading, a word) in `language`.
inline std::string say(std::string id, std::string_view language) {
  return render(message(std::move(id)), language);
}
// French, the language of logs' fields and of exceptions' what().
inline std::string french(const Message& message) {
  return render(message, "fr");
}

// "A, B et C" / "A, B and C".
std::string join_words(const std::vector<std::string>& items, std::string_view language);
// "1 élève", "2 élèves"; English: "1 pupil", "0 pupils".
std::string counted(std::uint64_t count, std::string_view one, std::string_view many,
                    std::string_view language);

}  // namespace edusync::text
