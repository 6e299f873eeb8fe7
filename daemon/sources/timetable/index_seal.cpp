// The sealing side of Index Éducation's container (index_seal.hpp), for tests and the generator.
// Only libcrypto, zlib and the standard library: the generator compiles this file in alone.
#include "sources/timetable/index_seal.hpp"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/text.hpp"
#include "sources/timetable/openssl_handles.hpp"

namespace edusync::timetable {
namespace {

constexpr std::size_t kLineBytes = 57;  // 57 bytes make a base64 line of 76 characters
constexpr std::size_t kCipherChunk = 1u << 16;

// libcrypto's first queued error, for the exception's text; the queue is left empty.
[[noreturn]] void fail(const char* what) {
  std::array<char, 256> reason{};
  ERR_error_string_n(ERR_get_error(), reason.data(), reason.size());
  ERR_clear_error();
  throw std::runtime_error(std::string("seal_index_container: ") + what + ": " + reason.data());
}

BioPtr memory_bio(std::string_view text) {
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  if (!bio) fail("BIO_new_mem_buf");
  return bio;
}

// Refuses a passphrase-protected PEM key rather than let libcrypto ask the terminal for one.
int no_passphrase(char* /*buffer*/, int /*size*/, int /*writing*/, void* /*user*/) {
  return -1;
}

// A PEM public key, or the public half of a PEM private key.
PkeyPtr read_public_key(std::string_view pem) {
  PkeyPtr key(PEM_read_bio_PUBKEY(memory_bio(pem).get(), nullptr, no_passphrase, nullptr));
  if (!key) {
    ERR_clear_error();
    key.reset(PEM_read_bio_PrivateKey(memory_bio(pem).get(), nullptr, no_passphrase, nullptr));
  }
  if (!key) fail("not a PEM RSA key");
  return key;
}

std::string rsa_pkcs1_encrypt(EVP_PKEY* key, const unsigned char* data, std::size_t size) {
  PkeyCtxPtr context(EVP_PKEY_CTX_new(key, nullptr));
  if (!context || EVP_PKEY_encrypt_init(context.get()) <= 0 ||
      EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) <= 0) {
    fail("RSA context");
  }
  std::size_t length = 0;
  if (EVP_PKEY_encrypt(context.get(), nullptr, &length, data, size) <= 0) fail("RSA size");
  std::string blob(length, '\0');
  if (EVP_PKEY_encrypt(context.get(), reinterpret_cast<unsigned char*>(blob.data()), &length, data,
                       size) <= 0) {
    fail("RSA encryption");
  }
  blob.resize(length);
  return blob;
}

std::string digest(const EVP_MD* type, const void* data, std::size_t size) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int length = 0;
  if (EVP_Digest(data, size, out.data(), &length, type, nullptr) != 1) fail("digest");
  return {reinterpret_cast<const char*>(out.data()), length};
}

void make_session_secret(SessionSecret& secret) {
  if (RAND_bytes(secret.bytes.data(), static_cast<int>(2 * kAesBytes)) != 1) fail("RAND_bytes");
  const std::string md5 = digest(EVP_md5(), secret.bytes.data(), 2 * kAesBytes);
  std::copy(md5.begin(), md5.end(), secret.bytes.begin() + 2 * kAesBytes);
}

// zlib format (what java.util.zip.Inflater reads), best compression.
std::string zlib_compress(std::string_view data) {
  uLongf length = compressBound(static_cast<uLong>(data.size()));
  std::string out(length, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &length,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_COMPRESSION) != Z_OK) {
    throw std::runtime_error("seal_index_container: zlib compress2 failed");
  }
  out.resize(length);
  return out;
}

std::string aes_128_cbc_encrypt(std::string_view data, const SessionSecret& secret) {
  CipherCtxPtr context(EVP_CIPHER_CTX_new());
  if (!context || EVP_EncryptInit_ex(context.get(), EVP_aes_128_cbc(), nullptr, secret.key(),
                                     secret.iv()) != 1) {
    fail("AES context");
  }
  std::string out(data.size() + kAesBytes, '\0');
  std::size_t written = 0;
  for (std::size_t at = 0; at < data.size(); at += kCipherChunk) {
    const std::size_t piece = std::min(kCipherChunk, data.size() - at);
    int length = 0;
    if (EVP_EncryptUpdate(context.get(), reinterpret_cast<unsigned char*>(out.data() + written),
                          &length, reinterpret_cast<const unsigned char*>(data.data() + at),
                          static_cast<int>(piece)) != 1) {
      fail("AES encryption");
    }
    written += static_cast<std::size_t>(length);
  }
  int length = 0;
  if (EVP_EncryptFinal_ex(context.get(), reinterpret_cast<unsigned char*>(out.data() + written),
                          &length) != 1) {
    fail("AES final block");
  }
  out.resize(written + static_cast<std::size_t>(length));
  return out;
}

// Base64 in lines of 76 characters separated by CR LF, as Java's MIME encoder and .NET's
// Convert.ToBase64String(InsertLineBreaks) write it.
std::string base64_lines(std::string_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + data.size() / kLineBytes * 2 + 2);
  std::array<unsigned char, 4 * kLineBytes / 3 + 1> line{};
  for (std::size_t at = 0; at < data.size(); at += kLineBytes) {
    const std::size_t piece = std::min(kLineBytes, data.size() - at);
    const int length =
        EVP_EncodeBlock(line.data(), reinterpret_cast<const unsigned char*>(data.data() + at),
                        static_cast<int>(piece));
    if (at != 0) out += "\r\n";
    out.append(reinterpret_cast<const char*>(line.data()), static_cast<std::size_t>(length));
  }
  return out;
}

void append_element(std::string& xml, std::string_view name, std::string_view text) {
  xml.append("  <").append(name).append(">");
  xml.append(xml_escape(text));
  xml.append("</").append(name).append(">\n");
}

void append_partner(std::string& xml, std::string_view name, std::string_view blob) {
  xml.append("    <PARTENAIRE NOM=\"").append(xml_escape(name)).append("\">");
  xml.append(base64_lines(blob)).append("</PARTENAIRE>\n");
}

}  // namespace

std::string seal_index_container(std::string_view clear_document, std::string_view public_key_pem,
                                 const SealOptions& options) {
  const PkeyPtr key = read_public_key(public_key_pem);
  SessionSecret secret;
  make_session_secret(secret);

  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<EXPORT_INDEX_EDUCATION xmlns=\"http://www.index-education.com/conteneurexportchiffre\">\n";
  append_element(xml, "VERSION", "1.0");
  append_element(xml, "LOGICIEL", "EDT (edusync test container)");
  xml += "  <CLES>\n";
  // One blob per partner, all sealing the same session secret (there is one CONTENU).
  int other = 0;
  for (const auto& pem : options.other_partner_keys) {
    const PkeyPtr other_key = read_public_key(pem);
    append_partner(xml,
                   ++other == 1 ? std::string("INDEXEDUCATION") : "AUTRE" + std::to_string(other),
                   rsa_pkcs1_encrypt(other_key.get(), secret.bytes.data(), secret.bytes.size()));
  }
  append_partner(xml, options.partner,
                 rsa_pkcs1_encrypt(key.get(), secret.bytes.data(), secret.bytes.size()));
  xml += "  </CLES>\n";

  // The decrypted bytes, which VERIFICATION digests: the compressed stream when compressed.
  const std::string payload =
      options.compress ? zlib_compress(clear_document) : std::string(clear_document);
  xml.append("  <CONTENU CompresseAvantChiffrement=\"")
      .append(options.compress ? "true" : "false")
      .append("\">");
  xml.append(base64_lines(aes_128_cbc_encrypt(payload, secret))).append("</CONTENU>\n");
  append_element(xml, "VERIFICATION",
                 base64_lines(digest(EVP_sha256(), payload.data(), payload.size())));
  if (!options.date_time.empty()) append_element(xml, "DATEHEURE", options.date_time);
  if (!options.uai.empty()) append_element(xml, "UAI", options.uai);
  xml += "</EXPORT_INDEX_EDUCATION>\n";
  return xml;
}

TestKeyPair generate_test_key_pair(int bits) {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(bits)));
  if (!key) fail("RSA key generation");
  const auto pem_of = [](auto write) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1) fail("PEM writing");
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
  };
  TestKeyPair pair;
  pair.private_pem = pem_of([&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  pair.public_pem = pem_of([&](BIO* bio) { return PEM_write_bio_PUBKEY(bio, key.get()); });
  return pair;
}

}  // namespace edusync::timetable
