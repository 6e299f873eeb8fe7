#pragma once
// The writing side of Index Éducation's encrypted container, for tests and the synthetic
// generator only (edusync never writes one): it seals a document for the holder of a partner
// key exactly as index_container.hpp opens it. Depends only on libcrypto and zlib, so that the
// generator can compile it in.
#include <string>
#include <string_view>
#include <vector>

namespace edusync::timetable {

struct SealOptions {
  bool compress = true;             // CompresseAvantChiffrement
  std::string uai;                  // <UAI>, left out when empty
  std::string date_time;            // <DATEHEURE>, xs:dateTime ("2026-09-14T18:30:00")
  std::string partner = "EDUSYNC";  // PARTENAIRE@NOM
  // Extra PARTENAIRE blobs sealed for other keys (PEM public keys), before ours, as a real
  // container holds one per ENT partner; named INDEXEDUCATION, then AUTRE2, AUTRE3...
  std::vector<std::string> other_partner_keys;
};

// The container's XML. `public_key_pem`: the partner's RSA public key (PEM); a private key PEM
// is accepted too (its public half is used). One random AES-128 key and IV seal the content;
// each PARTENAIRE blob is RSA PKCS#1 v1.5 over key, IV and MD5(key || IV). When compressing,
// the document is zlib-compressed (compress2) before AES-128-CBC; VERIFICATION is the SHA-256
// of the bytes that decryption gives back, i.e. of the compressed stream when compressed, which
// is what open_index_container checks. Base64 is wrapped at 76 characters (CR LF). Throws
// std::runtime_error on a libcrypto or zlib failure.
std::string seal_index_container(std::string_view clear_document, std::string_view public_key_pem,
                                 const SealOptions& options = {});

// A fresh RSA key pair (PEM), the throw-away key of tests and of the generator's samples.
struct TestKeyPair {
  std::string private_pem;
  std::string public_pem;
};
TestKeyPair generate_test_key_pair(int bits = 2048);

}  // namespace edusync::timetable
