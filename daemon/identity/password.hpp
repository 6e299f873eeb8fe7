#pragma once
// Initial passwords (docs/output.md §1.5), printed on the account sheets of new accounts.
// They are secrets: never log them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "identity/random.hpp"

namespace edusync::identity {

// The configuration key identity.password_policy.
enum class PasswordPolicy : std::uint8_t {
  random8,      // "random8", the default: 8 characters of kRandom8Alphabet (about 43.7 bits)
  semirandom6,  // "semirandom6": SambaEdu pwdPolicy 1, consonant-vowel-consonant-vowel + 2 digits
  birthdate,    // "birthdate": SambaEdu pwdPolicy 0, YYYYMMDD of the birth date (guessable)
};
inline constexpr PasswordPolicy kDefaultPasswordPolicy = PasswordPolicy::random8;

std::optional<PasswordPolicy> parse_password_policy(std::string_view name);
const char* to_string(PasswordPolicy policy);

// True when anyone who knows the person can work the password out (birthdate): the run report
// warns about it.
bool is_guessable(PasswordPolicy policy);

// Digits, lower and upper case letters without the look-alikes that children misread on a
// printed sheet: 0 O o Q D, 1 I l i, and the capitals that differ from their small letter only
// by size (C K P S U V W X Z). 44 symbols.
inline constexpr std::string_view kRandom8Alphabet = "23456789abcdefghjkmnpqrstuvwxyzABEFGHJLMNRTY";
// SambaEdu's gen_pwd.sh -s alphabets.
inline constexpr std::string_view kSemirandomConsonants = "zrtpqsdfghjklmwxcvbn";
inline constexpr std::string_view kSemirandomVowels = "aeyuio";

struct InitialPassword {
  std::string value;
  PasswordPolicy policy;  // the policy applied: random8 when birthdate had no usable date
};

// The initial password under `policy`. `birth_date_iso` ("2012-04-03") is only read by
// birthdate, which gives "20120403"; when it is empty or not a valid ISO date, the password is
// a random8 one instead and `policy` says so, so that the account sheet and the report can
// tell. The second form takes its randomness from `random` (tests).
InitialPassword initial_password(PasswordPolicy policy, std::string_view birth_date_iso);
InitialPassword initial_password(PasswordPolicy policy, std::string_view birth_date_iso,
                                 const RandomBytes& random);

std::string random8_password(const RandomBytes& random);
// Draws again while the four letters are a word of kRejectedSyllables.
std::string semirandom6_password(const RandomBytes& random);

// Consonant-vowel-consonant-vowel words semirandom6 never starts a password with: French (and
// a few international) rude, sexual, scatological or hateful words a pupil would be mocked
// for, plus the verlan and slang spellings that fit the pattern.
std::span<const std::string_view> rejected_syllables();
bool is_rejected_syllables(std::string_view four_letters);

}  // namespace edusync::identity
