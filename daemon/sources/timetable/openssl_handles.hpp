#pragma once
// Owning handles of libcrypto objects, freed by their own functions when they go out of scope,
// and the session secret of a PARTENAIRE blob: what the container's reader (index_container.cpp)
// and its sealing side (index_seal.cpp) share.
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <memory>

namespace edusync::timetable {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct FileClose {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;
using FilePtr = std::unique_ptr<std::FILE, FileClose>;

inline constexpr std::size_t kAesBytes = 16;  // AES-128 key, IV and block
inline constexpr std::size_t kMd5Bytes = 16;
inline constexpr std::size_t kSecretBytes = 2 * kAesBytes + kMd5Bytes;

// The AES key and IV of the content, then MD5(key || IV), as a PARTENAIRE blob seals them;
// wiped when it goes out of scope.
struct SessionSecret {
  std::array<unsigned char, kSecretBytes> bytes{};
  SessionSecret() = default;
  SessionSecret(const SessionSecret&) = delete;
  SessionSecret& operator=(const SessionSecret&) = delete;
  ~SessionSecret() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
  const unsigned char* key() const { return bytes.data(); }
  const unsigned char* iv() const { return bytes.data() + kAesBytes; }
};

}  // namespace edusync::timetable
