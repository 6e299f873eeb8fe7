#pragma once
// Index Éducation's encrypted container (root EXPORT_INDEX_EDUCATION), in which EDT and
// PRONOTE hand their ExportEmploiDuTemps to ENT partners (docs/timetables.md):
//   1. RSA PKCS#1 v1.5 with the partner's private key opens one PARTENAIRE blob into 48 bytes:
//      the AES-128 key, the IV, and the MD5 of both, which is checked;
//   2. AES-128-CBC (PKCS#5 padding) decrypts the base64 CONTENU;
//   3. the SHA-256 of the decrypted bytes must equal VERIFICATION (base64);
//   4. when CONTENU@CompresseAvantChiffrement is true (its default in Index Éducation's schema:
//      an absent attribute means compressed), the bytes are zlib-inflated (a gzip header is
//      detected too) as a stream with an output cap and the zip members' ratio rule; a leading
//      UTF-8 BOM is dropped.
// VERIFICATION is the SHA-256 of the decrypted bytes before any inflating, as Index Éducation's
// importers check it; it is checked in a first decrypting pass, before any byte is handed out.
// Everything goes through OpenSSL's libcrypto and zlib. The container's XML is read by the same
// hardened streaming reader as every export (no DTD, no entity, no network).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "sources/exports.hpp"
#include "sources/input/byte_source.hpp"

namespace edusync::timetable {

struct ContainerLimits {
  // Base64 text of CONTENU, checked while reading, before decoding.
  std::size_t max_content_bytes = 256u << 20;
  // The inflated document: a larger output is a decompression bomb.
  std::uint64_t max_clear_bytes = 4ull << 30;
};

struct OpenedContainer {
  // UAI and DATEHEURE (as an ISO date) of the container; other fields empty.
  sources::ExportHeader header;
  // The ExportEmploiDuTemps document, named like the container; null when only the header
  // was asked for.
  std::unique_ptr<input::ByteSource> clear;
};

// Reads a container from the start of `source`. With `header_only`, reads UAI and DATEHEURE
// and decrypts nothing (no key needed; the read stops once both are seen, else at the end).
// Otherwise opens it with the private key in `key_file` (PEM, RSA, no passphrase), loaded
// before the document is read, trying each PARTENAIRE blob in turn. Throws InputError naming
// the file and saying which of these it is and what to do: no key file configured, key file
// unreadable or not an RSA private key, no PARTENAIRE at all, no PARTENAIRE blob that the key
// opens (a blob opens when RSA gives 48 bytes whose MD5 checks), CONTENU or VERIFICATION
// missing or twice, invalid or truncated base64, content over the limit, a digest that does not
// match, a decryption (padding) failure. The returned source throws InputError while it is
// read for an inflate error or an output over the cap or the ratio (a decompression bomb).
OpenedContainer open_index_container(input::ByteSource& source, const std::string& key_file,
                                     bool header_only, const ContainerLimits& limits = {});

}  // namespace edusync::timetable
