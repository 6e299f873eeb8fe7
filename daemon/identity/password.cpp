#include "identity/password.hpp"

#include <algorithm>
#include <array>

#include "common/dates.hpp"

namespace edusync::identity {
namespace {

using namespace std::string_view_literals;

constexpr std::array kRejected = {
    "bite"sv, "pine"sv, "pute"sv, "puta"sv, "tepu"sv, "lope"sv, "pede"sv, "gode"sv,
    "sexe"sv, "suce"sv, "pipe"sv, "sodo"sv, "niqu"sv, "nike"sv, "zobi"sv, "nazi"sv,
    "sida"sv, "cocu"sv, "caca"sv, "kaka"sv, "pipi"sv, "zizi"sv, "cucu"sv, "kiki"sv,
};

char pick(RandomPicker& picker, std::string_view alphabet) {
  return alphabet[picker.below(alphabet.size())];
}

}  // namespace

std::optional<PasswordPolicy> parse_password_policy(std::string_view name) {
  if (name == "random8") return PasswordPolicy::random8;
  if (name == "semirandom6") return PasswordPolicy::semirandom6;
  if (name == "birthdate") return PasswordPolicy::birthdate;
  return std::nullopt;
}

const char* to_string(PasswordPolicy policy) {
  switch (policy) {
    case PasswordPolicy::random8: return "random8";
    case PasswordPolicy::semirandom6: return "semirandom6";
    case PasswordPolicy::birthdate: return "birthdate";
  }
  return "random8";
}

bool is_guessable(PasswordPolicy policy) {
  return policy == PasswordPolicy::birthdate;
}

std::span<const std::string_view> rejected_syllables() {
  return kRejected;
}

bool is_rejected_syllables(std::string_view four_letters) {
  return std::find(kRejected.begin(), kRejected.end(), four_letters) != kRejected.end();
}

std::string random8_password(const RandomBytes& random) {
  RandomPicker picker(random);
  std::string password;
  for (int i = 0; i < 8; ++i) password.push_back(pick(picker, kRandom8Alphabet));
  return password;
}

std::string semirandom6_password(const RandomBytes& random) {
  RandomPicker picker(random);
  std::string word;
  do {
    word.clear();
    for (int i = 0; i < 2; ++i) {
      word.push_back(pick(picker, kSemirandomConsonants));
      word.push_back(pick(picker, kSemirandomVowels));
    }
  } while (is_rejected_syllables(word));
  for (int i = 0; i < 2; ++i) word.push_back(pick(picker, "0123456789"));
  return word;
}

InitialPassword initial_password(PasswordPolicy policy, std::string_view birth_date_iso,
                                 const RandomBytes& random) {
  switch (policy) {
    case PasswordPolicy::semirandom6: return {semirandom6_password(random), policy};
    case PasswordPolicy::birthdate:
      if (const auto iso = parse_iso_date(birth_date_iso)) {
        std::string digits = *iso;
        std::erase(digits, '-');
        return {std::move(digits), policy};
      }
      break;
    case PasswordPolicy::random8: break;
  }
  return {random8_password(random), PasswordPolicy::random8};
}

InitialPassword initial_password(PasswordPolicy policy, std::string_view birth_date_iso) {
  return initial_password(policy, birth_date_iso, system_random_bytes);
}

}  // namespace edusync::identity
