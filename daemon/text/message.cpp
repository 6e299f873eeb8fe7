#include "text/message.hpp"

#include <charconv>
#include <cstring>

#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

bool is_english(std::string_view language) {
  return language == "en";
}

bool singular(std::uint64_t count, std::string_view language) {
  return is_english(language) ? count == 1 : count < 2;
}

// "{name}" (built by appends: GCC 12 warns falsely on "{" + string).
std::string braced(std::string_view name) {
  std::string text;
  text.reserve(name.size() + 2);
  text.push_back('{');
  text.append(name);
  text.push_back('}');
  return text;
}

const Arg* find_arg(const Message& message, std::string_view name) {
  for (const auto& a : message.args) {
    if (name == a.name) return &a;
  }
  return nullptr;
}

std::string arg_text(const Arg& a, std::string_view language) {
  switch (a.kind) {
    case Arg::Kind::list: return join_words(a.items, language);
    case Arg::Kind::nested: {
      std::vector<std::string> items;
      items.reserve(a.nested.size());
      for (const auto& m : a.nested) items.push_back(render(m, language));
      return join_words(items, language);
    }
    case Arg::Kind::text:
    case Arg::Kind::count: break;
  }
  return a.value;
}

// "{name|one|many}": the count of `a` and the word its number takes; "{name?one|many}"
// (`with_number` false): the word alone.
std::string counted_arg(const Arg& a, std::string_view forms, bool with_number,
                        std::string_view language) {
  const auto bar = forms.find('|');
  const auto one = forms.substr(0, bar);
  const auto many = bar == std::string_view::npos ? one : forms.substr(bar + 1);
  std::uint64_t value = 0;
  std::from_chars(a.value.data(), a.value.data() + a.value.size(), value);
  if (!with_number) return std::string(singular(value, language) ? one : many);
  return counted(value, one, many, language);
}

// One placeholder's body (between the braces) in `language`; itself, braced, when its argument
// is missing.
std::string placeholder(const Message& message, std::string_view body, std::string_view language) {
  const auto mark = body.find_first_of("|?");
  const auto name = body.substr(0, mark);
  const Arg* a = find_arg(message, name);
  if (a == nullptr) return braced(body);
  if (mark == std::string_view::npos) return arg_text(*a, language);
  return counted_arg(*a, body.substr(mark + 1), body[mark] == '|', language);
}

std::string fill(const Message& message, std::string_view pattern, std::string_view language) {
  std::string out;
  out.reserve(pattern.size() + 32);
  std::size_t at = 0;
  while (at < pattern.size()) {
    const auto open = pattern.find('{', at);
    const auto close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) {
      out.append(pattern.substr(at));
      break;
    }
    out.append(pattern.substr(at, open - at));
    out += placeholder(message, pattern.substr(open + 1, close - open - 1), language);
    at = close + 1;
  }
  return out;
}

}  // namespace

Arg arg(const char* name, std::string value) {
  return Arg{name, Arg::Kind::text, std::move(value), {}, {}};
}

Arg count(const char* name, std::uint64_t value) {
  return Arg{name, Arg::Kind::count, std::to_string(value), {}, {}};
}

Arg list(const char* name, std::vector<std::string> items) {
  return Arg{name, Arg::Kind::list, {}, std::move(items), {}};
}

Arg nested(const char* name, Message message) {
  Arg a{name, Arg::Kind::nested, {}, {}, {}};
  a.nested.push_back(std::move(message));
  return a;
}

Arg nested_list(const char* name, std::vector<Message> messages) {
  return Arg{name, Arg::Kind::nested, {}, {}, std::move(messages)};
}

Message message(std::string id, std::vector<Arg> args) {
  return Message(std::move(id), std::move(args), {});
}

Message verbatim(std::string text) {
  return Message({}, {}, std::move(text));
}

std::string render(const Message& message, std::string_view language) {
  if (message.id.empty()) return message.verbatim;
  const Entry* entry = find_entry(message.id);
  if (entry == nullptr) return braced(message.id);
  return fill(message, is_english(language) ? entry->english : entry->french, language);
}

std::string join_words(const std::vector<std::string>& items, std::string_view language) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? (is_english(language) ? " and " : " et ") : ", ";
    text += items[i];
  }
  return text;
}

std::string counted(std::uint64_t count, std::string_view one, std::string_view many,
                    std::string_view language) {
  std::string text = std::to_string(count);
  text += ' ';
  text.append(singular(count, language) ? one : many);
  return text;
}

}  // namespace edusync::text
