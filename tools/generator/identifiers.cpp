#include "identifiers.hpp"

#include <array>

#include "text.hpp"

namespace gen {
namespace {

constexpr std::array<std::string_view, 8> kDomains = {
    "orange.example", "free.example",    "laposte.example", "gmail.example",
    "sfr.example",    "wanadoo.example", "hotmail.example", "example.com",
};

char letter(std::uint64_t v) {
  return static_cast<char>('A' + v % 26);
}

}  // namespace

std::string padded(std::uint64_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  }
  return digits;
}

std::uint32_t eleve_id(const IdSpace& ids, std::uint64_t record) {
  return static_cast<std::uint32_t>(100'000 + ids.eleve_id(record));
}

std::uint32_t personne_id(const IdSpace& ids, std::uint64_t person) {
  return static_cast<std::uint32_t>(100'000 + ids.personne_id(person));
}

std::uint32_t adresse_id(const IdSpace& ids, std::uint64_t address) {
  return static_cast<std::uint32_t>(100'000 + ids.adresse_id(address));
}

std::uint32_t individu_id(const IdSpace& ids, std::uint64_t staff) {
  return static_cast<std::uint32_t>(1'000 + ids.individu_id(staff));
}

std::string ine_rnie(const IdSpace& ids, std::uint64_t record) {
  const std::uint64_t v = ids.ine(record);
  const std::uint64_t letters = v / 1'000'000'000ULL;
  std::string out = padded(v % 1'000'000'000ULL, 9);
  out += letter(letters / 26);
  out += letter(letters);
  return out;
}

std::string ine_bea(const IdSpace& ids, std::uint64_t record) {
  const std::uint64_t v = ids.ine_bea(record);
  return padded(v % 10'000'000'000ULL, 10) + letter(v / 10'000'000'000ULL);
}

std::string mobile(const IdSpace& ids, std::uint64_t phone_index) {
  const std::uint64_t v = ids.mobile(phone_index);
  return (v < 100'000'000 ? "+336" : "+337") + padded(v % 100'000'000, 8);
}

std::string email(const IdSpace& ids, std::uint64_t phone_index, std::string_view prenom,
                  std::string_view nom, std::size_t domain_pick) {
  std::string out = mail_token(prenom);
  out += '.';
  out += mail_token(nom);
  out += '.';
  out += std::to_string(ids.mail_tag(phone_index));
  out += '@';
  out += kDomains[domain_pick % kDomains.size()];
  return out;
}

}  // namespace gen
