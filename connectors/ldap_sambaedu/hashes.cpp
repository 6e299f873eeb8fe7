#include "connectors/ldap_sambaedu/hashes.hpp"

#include <nettle/base64.h>
#include <nettle/md4.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <sys/random.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "common/utf8.hpp"
#include "connectors/error.hpp"

namespace edusync::connectors::ldap {
namespace {

const std::uint8_t* bytes(std::string_view text) {
  return reinterpret_cast<const std::uint8_t*>(text.data());
}

// One code point from UTF-8 at `at`, advancing it; a byte that does not start a valid sequence
// is taken alone as a Latin-1 code point.
char32_t next_code_point(std::string_view text, std::size_t& at) {
  const utf8::Decoded decoded = utf8::decode(text, at);
  const char32_t code = decoded.valid ? decoded.code_point : static_cast<unsigned char>(text[at]);
  at += decoded.length;
  return code;
}

void append_utf16le(std::vector<std::uint8_t>& out, char32_t unit) {
  out.push_back(static_cast<std::uint8_t>(unit & 0xff));
  out.push_back(static_cast<std::uint8_t>((unit >> 8) & 0xff));
}

std::vector<std::uint8_t> to_utf16le(std::string_view utf8) {
  std::vector<std::uint8_t> out;
  out.reserve(utf8.size() * 2);
  for (std::size_t at = 0; at < utf8.size();) {
    const char32_t code = next_code_point(utf8, at);
    if (code >= 0x10000) {
      const char32_t reduced = code - 0x10000;
      append_utf16le(out, 0xd800 + (reduced >> 10));
      append_utf16le(out, 0xdc00 + (reduced & 0x3ff));
    } else {
      append_utf16le(out, code);
    }
  }
  return out;
}

std::string base64(const std::uint8_t* data, std::size_t size) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(size), '\0');
  base64_encode_raw(out.data(), size, data);
  return out;
}

}  // namespace

std::string nt_hash(std::string_view utf8_password) {
  const auto utf16 = to_utf16le(utf8_password);
  md4_ctx context{};
  md4_init(&context);
  md4_update(&context, utf16.size(), utf16.data());
  std::array<std::uint8_t, MD4_DIGEST_SIZE> digest{};
  md4_digest(&context, digest.size(), digest.data());
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (const auto byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

std::string ssha_password_with_salt(std::string_view password, std::string_view salt) {
  sha1_ctx context{};
  sha1_init(&context);
  sha1_update(&context, password.size(), bytes(password));
  sha1_update(&context, salt.size(), bytes(salt));
  std::vector<std::uint8_t> digest(SHA1_DIGEST_SIZE);
  sha1_digest(&context, digest.size(), digest.data());
  digest.insert(digest.end(), bytes(salt), bytes(salt) + salt.size());
  return "{SSHA}" + base64(digest.data(), digest.size());
}

std::string ssha_password(std::string_view password) {
  std::string salt(8, '\0');
  if (getrandom(salt.data(), salt.size(), 0) != static_cast<ssize_t>(salt.size())) {
    throw Error(text::message("connector.ldap.no_randomness"));
  }
  return ssha_password_with_salt(password, salt);
}

std::string md5_password(std::string_view password) {
  md5_ctx context{};
  md5_init(&context);
  md5_update(&context, password.size(), bytes(password));
  std::array<std::uint8_t, MD5_DIGEST_SIZE> digest{};
  md5_digest(&context, digest.size(), digest.data());
  return "{MD5}" + base64(digest.data(), digest.size());
}

}  // namespace edusync::connectors::ldap
