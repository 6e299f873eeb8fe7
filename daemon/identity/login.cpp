#include "identity/login.hpp"

#include <array>

#include "common/ascii_fold.hpp"

namespace edusync::identity {
namespace {

struct PolicyInfo {
  LoginPolicy policy;
  std::string_view name;
  std::size_t max_length;  // 0: unlimited
};

constexpr std::array<PolicyInfo, 6> kPolicies = {{
    {LoginPolicy::prenom_nom, "prenom.nom", 0},
    {LoginPolicy::prenom_nom19, "prenom.nom19", 19},
    {LoginPolicy::pnom19, "pnom19", 19},
    {LoginPolicy::pnom8, "pnom8", 8},
    {LoginPolicy::nomp8, "nomp8", 8},
    {LoginPolicy::nomprenom18, "nomprenom18", 18},
}};

const PolicyInfo& info(LoginPolicy policy) {
  for (const auto& entry : kPolicies) {
    if (entry.policy == policy) return entry;
  }
  return kPolicies[4];  // unreachable for a valid enumerator
}

bool is_letter(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_login_char(char c) {
  return is_letter(c) || c == '_' || c == '.' || c == '-';
}

void strip_trailing(std::string& text, std::string_view chars) {
  while (!text.empty() && chars.find(text.back()) != std::string_view::npos) text.pop_back();
}

// One folded name part as SambaEdu cleans it (see login_stem): spaces and apostrophes to '_',
// outside [a-z_.-] dropped; also nothing before the first letter and no trailing '_'.
std::string clean_part(std::string_view folded) {
  std::string out;
  bool in_space = false;
  for (char c : folded) {
    if (is_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out.push_back('_');
    in_space = false;
    if (c == '\'') c = '_';
    if (!is_login_char(c) || (out.empty() && !is_letter(c))) continue;
    out.push_back(c);
  }
  strip_trailing(out, "_");
  return out;
}

std::string first_token(std::string_view folded) {
  std::size_t begin = 0;
  while (begin < folded.size() && is_space(folded[begin])) ++begin;
  std::size_t end = begin;
  while (end < folded.size() && !is_space(folded[end])) ++end;
  return std::string(folded.substr(begin, end - begin));
}

std::string compose(LoginPolicy policy, const std::string& surname, const std::string& given) {
  const std::string initial = given.substr(0, 1);
  switch (policy) {
    case LoginPolicy::prenom_nom:
    case LoginPolicy::prenom_nom19: return given + "." + surname;
    case LoginPolicy::pnom19:
    case LoginPolicy::pnom8: return initial + surname;
    case LoginPolicy::nomp8: return surname.substr(0, 7) + initial;
    case LoginPolicy::nomprenom18: return surname + given;
  }
  return surname;
}

// "Jean DUPONT": the name as given, quoted by the message.
std::string full_name(std::string_view surname, std::string_view given_names) {
  std::string name(given_names);
  name += ' ';
  name += surname;
  return name;
}

LoginResult failure(LoginError error, text::Message message) {
  return {{}, error, std::move(message)};
}

}  // namespace

std::optional<LoginPolicy> parse_login_policy(std::string_view name) {
  for (const auto& entry : kPolicies) {
    if (entry.name == name) return entry.policy;
  }
  return std::nullopt;
}

const char* to_string(LoginPolicy policy) {
  return info(policy).name.data();
}

std::size_t max_login_length(LoginPolicy policy) {
  return info(policy).max_length;
}

const char* to_code(LoginError error) {
  switch (error) {
    case LoginError::empty_name: return "LOGIN_EMPTY_NAME";
    case LoginError::no_leading_letter: return "LOGIN_NO_LEADING_LETTER";
    case LoginError::collisions_exhausted: return "LOGIN_COLLISIONS_EXHAUSTED";
  }
  return "LOGIN_ERROR";
}

LoginResult login_stem(LoginPolicy policy, std::string_view surname, std::string_view given_names) {
  const std::string clean_surname = clean_part(fold_to_ascii(surname));
  if (clean_surname.empty()) {
    return failure(
        LoginError::empty_name,
        text::message("login.empty_name", {text::arg("name", full_name(surname, given_names))}));
  }
  const std::string clean_given = clean_part(first_token(fold_to_ascii(given_names)));
  std::string stem = compose(policy, clean_surname, clean_given);
  if (const std::size_t limit = max_login_length(policy); limit != 0 && stem.size() > limit) {
    stem.resize(limit);
  }
  strip_trailing(stem, "_.");
  if (stem.empty() || !is_letter(stem.front())) {
    return failure(LoginError::no_leading_letter,
                   text::message("login.no_leading_letter",
                                 {text::arg("name", full_name(surname, given_names)),
                                  text::arg("stem", stem)}));
  }
  return {std::move(stem), std::nullopt, {}};
}

std::string collision_candidate(std::string_view stem, int counter) {
  if (counter < 2 || counter > kMaxCollisionCounter || stem.empty()) return std::string(stem);
  const std::string digits = std::to_string(counter);
  const std::size_t keep = stem.size() > digits.size() ? stem.size() - digits.size() : 1;
  return std::string(stem.substr(0, keep)) + digits;
}

LoginResult allocate_login(LoginPolicy policy, std::string_view surname,
                           std::string_view given_names, const LoginTaken& taken) {
  CollisionHints none;
  return allocate_login(policy, surname, given_names, taken, none);
}

LoginResult allocate_login(LoginPolicy policy, std::string_view surname,
                           std::string_view given_names, const LoginTaken& taken,
                           CollisionHints& first_free) {
  LoginResult stem = login_stem(policy, surname, given_names);
  if (!stem.ok()) return stem;
  int& first = first_free.try_emplace(stem.login, 1).first->second;
  for (int counter = first; counter <= kMaxCollisionCounter; ++counter) {
    std::string candidate = collision_candidate(stem.login, counter);
    if (!is_reserved_login(candidate) && !taken(candidate)) {
      first = counter + 1;  // this one is taken from now on
      return {std::move(candidate), std::nullopt, {}};
    }
  }
  first = kMaxCollisionCounter + 1;
  return failure(
      LoginError::collisions_exhausted,
      text::message(
          "login.collisions_exhausted",
          {text::arg("name", full_name(surname, given_names)), text::arg("stem", stem.login),
           text::arg("first", collision_candidate(stem.login, 2)),
           text::arg("last", collision_candidate(stem.login, kMaxCollisionCounter))}));
}

LoginResult assign_login(const std::optional<std::string>& stored_login, LoginPolicy policy,
                         std::string_view surname, std::string_view given_names,
                         const LoginTaken& taken) {
  if (stored_login && !stored_login->empty()) return {*stored_login, std::nullopt, {}};
  return allocate_login(policy, surname, given_names, taken);
}

}  // namespace edusync::identity
