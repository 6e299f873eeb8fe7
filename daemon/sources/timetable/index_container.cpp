// Opening Index Éducation's encrypted container (index_container.hpp).
//
// Memory: the container's XML is streamed; CONTENU's base64 text is held once (by the record
// reader, bounded by ContainerLimits::max_content_bytes) and decoded into the ciphertext, which
// the returned source keeps. The decrypted bytes are never held whole: a first pass decrypts
// them chunk by chunk into SHA-256 only, so that the digest is checked before any byte of the
// document is handed out; the returned source decrypts again and inflates as it is read.
//
// Key material (the PEM text, the AES key and IV) is wiped after use and never reaches a
// message or a log; neither does decrypted content.
#include "sources/timetable/index_container.hpp"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

#include "common/dates.hpp"
#include "common/errors.hpp"
#include "sources/input/system_reason.hpp"
#include "sources/timetable/openssl_handles.hpp"
#include "sources/xml/record_stream.hpp"

namespace edusync::timetable {
namespace {

constexpr std::string_view kRoot = "EXPORT_INDEX_EDUCATION";
constexpr std::size_t kSha256Bytes = 32;
constexpr std::size_t kChunk = 64u << 10;           // ciphertext decrypted at a time
constexpr std::size_t kMaxKeyFileBytes = 1u << 20;  // a PEM RSA key is a few KB
// EDT and PRONOTE write one or two blobs (Index Éducation's and the partner's); each costs an
// RSA decryption, so a file with thousands is refused rather than tried.
constexpr std::size_t kMaxPartners = 16;
// Base64 of a blob for a 16384-bit key is under 3 KB: a longer text cannot be one of ours.
constexpr std::size_t kMaxBlobText = 64u << 10;
constexpr std::size_t kMaxPartnerName = 64;  // longer NOM attributes are left out of messages
// The zip members' ratio rule (ZipLimits' defaults) for the inflated document: past 16 MiB, it
// may not be more than 200 times the compressed bytes, which no XML export reaches.
constexpr std::uint64_t kRatioCheckedAfter = 16u << 20;
constexpr std::uint64_t kMaxRatio = 200;
// Record text allowed beyond max_content_bytes: CONTENU's attribute and white space.
constexpr std::size_t kTextMargin = 64u << 10;

// The libxml2 reader's message for a record over its text limit, which is CONTENU here.
constexpr std::string_view kReaderTextLimitId = "input.xml.record_too_much_text";

// Whole mebibytes, rounded up, the number only: the catalogue writes the unit (Mio, MiB).
std::string mebibytes(std::uint64_t bytes) {
  return std::to_string(bytes / (1u << 20) + (bytes % (1u << 20) != 0 ? 1 : 0));
}

// Refuses the container. libcrypto's error queue is emptied: its errors are not shown (they
// say nothing an operator can act on) and must not linger for the next caller.
[[noreturn]] void refuse(const std::string& file, int line, text::Message message) {
  ERR_clear_error();
  throw InputError({file, line}, std::move(message));
}

text::Message content_too_large(const ContainerLimits& limits) {
  return text::message("input.container.content_too_large",
                       {text::arg("limit", mebibytes(limits.max_content_bytes))});
}

// --- Base64 -----------------------------------------------------------------------------------

enum class Base64Result : std::uint8_t { ok, invalid, truncated };

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_base64_digit(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// Decodes base64 `text` into `out` with libcrypto (EVP_DecodeBlock), skipping XML white space
// (Java and .NET wrap lines at 76 characters). The characters are checked here first so that
// a wrong character and a cut text are told apart: padding ('=', at most two) may only end the
// text, and the text must come in whole groups of four.
Base64Result decode_base64(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size() / 4 * 3 + 3);
  std::array<unsigned char, 4096> group{};  // a multiple of 4
  std::array<unsigned char, group.size() / 4 * 3> decoded{};
  std::size_t filled = 0;
  std::size_t padding = 0;
  const auto flush = [&] {
    const int length = EVP_DecodeBlock(decoded.data(), group.data(), static_cast<int>(filled));
    if (length < 0) return false;
    out.append(reinterpret_cast<const char*>(decoded.data()), static_cast<std::size_t>(length));
    filled = 0;
    return true;
  };
  for (const char c : text) {
    if (is_xml_space(c)) continue;
    if (c == '=') {
      if (++padding > 2) return Base64Result::invalid;
    } else if (padding > 0 || !is_base64_digit(c)) {
      return Base64Result::invalid;
    }
    group[filled++] = static_cast<unsigned char>(c);
    if (filled == group.size() && !flush()) return Base64Result::invalid;
  }
  if (filled % 4 != 0) return Base64Result::truncated;
  if (filled > 0 && !flush()) return Base64Result::invalid;
  // EVP_DecodeBlock decodes each '=' as a zero byte: they are not data.
  out.resize(out.size() - std::min(padding, out.size()));
  return Base64Result::ok;
}

text::Message base64_error(Base64Result result, std::string_view element) {
  return text::message(result == Base64Result::truncated ? "input.container.base64_truncated"
                                                         : "input.container.base64_invalid",
                       {text::arg("element", std::string(element))});
}

// --- The partner key ----------------------------------------------------------------------------

// Lets libcrypto refuse a passphrase-protected key instead of asking the terminal for one.
int no_passphrase(char* /*buffer*/, int /*size*/, int /*writing*/, void* /*user*/) {
  return -1;
}

// The key file's bytes (at most kMaxKeyFileBytes + 1, which is then refused as no key).
std::string read_key_file(const std::string& key_file, const std::string& container) {
  const auto unreadable = [&](int error) {
    refuse(container, 0,
           text::message("input.container.key_unreadable",
                         {text::arg("key_file", key_file),
                          text::nested("reason", input::system_reason(error))}));
  };
  errno = 0;
  const FilePtr file(std::fopen(key_file.c_str(), "rb"));
  if (!file) unreadable(errno);
  std::string pem(kMaxKeyFileBytes + 1, '\0');
  errno = 0;
  const std::size_t got = std::fread(pem.data(), 1, pem.size(), file.get());
  if (std::ferror(file.get()) != 0) {
    OPENSSL_cleanse(pem.data(), pem.size());
    unreadable(errno != 0 ? errno : EIO);
  }
  pem.resize(got);
  return pem;
}

PkeyPtr load_partner_key(const std::string& key_file, const std::string& container) {
  if (key_file.empty()) refuse(container, 0, text::message("input.container.no_key"));
  std::string pem = read_key_file(key_file, container);
  PkeyPtr key;
  if (pem.size() <= kMaxKeyFileBytes) {
    const BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (bio) key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  }
  OPENSSL_cleanse(pem.data(), pem.size());
  if (!key) {
    refuse(container, 0,
           text::message("input.container.key_not_pem", {text::arg("key_file", key_file)}));
  }
  if (EVP_PKEY_is_a(key.get(), "RSA") != 1) {
    refuse(container, 0,
           text::message("input.container.key_not_rsa", {text::arg("key_file", key_file)}));
  }
  return key;
}

// Opens one PARTENAIRE blob (decoded) with the partner key. False when the blob was sealed for
// another key: RSA refuses it, or (OpenSSL's implicit rejection of PKCS#1 v1.5, 3.2 and later)
// returns unrelated bytes, which the length and the MD5 of key and IV then refuse.
bool open_blob(EVP_PKEY* key, const std::string& blob, SessionSecret& secret) {
  const PkeyCtxPtr context(EVP_PKEY_CTX_new(key, nullptr));
  if (!context || EVP_PKEY_decrypt_init(context.get()) <= 0 ||
      EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) <= 0) {
    ERR_clear_error();
    return false;
  }
  const auto* in = reinterpret_cast<const unsigned char*>(blob.data());
  std::size_t length = 0;
  if (EVP_PKEY_decrypt(context.get(), nullptr, &length, in, blob.size()) <= 0) {
    ERR_clear_error();
    return false;
  }
  std::vector<unsigned char> out(length);
  const bool decrypted = EVP_PKEY_decrypt(context.get(), out.data(), &length, in, blob.size()) > 0;
  ERR_clear_error();
  bool opened = false;
  if (decrypted && length == kSecretBytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md5{};
    unsigned int md5_length = 0;
    opened =
        EVP_Digest(out.data(), 2 * kAesBytes, md5.data(), &md5_length, EVP_md5(), nullptr) == 1 &&
        md5_length == kMd5Bytes &&
        CRYPTO_memcmp(md5.data(), out.data() + 2 * kAesBytes, kMd5Bytes) == 0;
    if (opened) std::copy_n(out.begin(), kSecretBytes, secret.bytes.begin());
  }
  OPENSSL_cleanse(out.data(), out.size());
  return opened;
}

// --- AES-128-CBC --------------------------------------------------------------------------------

// Decrypts the content piece by piece. Each call writes at most `size` + one block to `out`.
class CbcDecryptor {
 public:
  explicit CbcDecryptor(const SessionSecret& secret) : context_(EVP_CIPHER_CTX_new()) {
    ok_ = context_ && EVP_DecryptInit_ex(context_.get(), EVP_aes_128_cbc(), nullptr, secret.key(),
                                         secret.iv()) == 1;
    ERR_clear_error();
  }

  // Bytes written, or nullopt on a failure.
  std::optional<std::size_t> update(const char* in, std::size_t size, unsigned char* out) {
    int length = 0;
    if (!ok_ ||
        EVP_DecryptUpdate(context_.get(), out, &length, reinterpret_cast<const unsigned char*>(in),
                          static_cast<int>(size)) != 1) {
      return fail();
    }
    return static_cast<std::size_t>(length);
  }

  // The last block without its PKCS#5 padding; nullopt when the padding or the length is wrong
  // (a damaged or cut content, since the key opened).
  std::optional<std::size_t> finish(unsigned char* out) {
    int length = 0;
    if (!ok_ || EVP_DecryptFinal_ex(context_.get(), out, &length) != 1) return fail();
    return static_cast<std::size_t>(length);
  }

 private:
  std::optional<std::size_t> fail() {
    ERR_clear_error();
    ok_ = false;
    return std::nullopt;
  }

  CipherCtxPtr context_;
  bool ok_ = false;
};

// --- The container's XML ------------------------------------------------------------------------

// What the container says, as its records are read.
struct ContainerFields {
  std::string uai;
  std::string export_date;
  bool seen_date = false;
  bool seen_uai = false;

  std::size_t partners = 0;
  std::vector<std::string> partner_names;
  bool opened = false;
  SessionSecret secret;
  std::optional<InputError> partner_base64_error;  // the first blob whose base64 is broken

  bool has_content = false;
  bool compressed = true;  // CompresseAvantChiffrement's default in Index Éducation's schema
  std::string ciphertext;
  int content_line = 0;

  bool has_verification = false;
  std::string verification;
  int verification_line = 0;
};

// Record paths live in static storage: the reader keeps a reference to the vector.
const std::vector<xml::RecordPath>& full_paths() {
  static const std::vector<xml::RecordPath> paths = {
      {"CLES", "PARTENAIRE"}, {"CONTENU"}, {"VERIFICATION"}, {"DATEHEURE"}, {"UAI"}};
  return paths;
}

const std::vector<xml::RecordPath>& header_paths() {
  static const std::vector<xml::RecordPath> paths = {{"DATEHEURE"}, {"UAI"}};
  return paths;
}

class ContainerHandler final : public xml::DocumentHandler {
 public:
  ContainerHandler(const std::string& file, EVP_PKEY* key, bool header_only,
                   const ContainerLimits& limits, ContainerFields& fields)
      : file_(file), key_(key), header_only_(header_only), limits_(limits), fields_(fields) {}

  const std::vector<xml::RecordPath>& on_root(const xml::Node& root) override {
    if (root.name() != kRoot) {
      refuse(file_, root.line(),
             text::message("input.container.not_container",
                           {text::arg("root", std::string(root.name()))}));
    }
    return header_only_ ? header_paths() : full_paths();
  }

  // In a header-only read, stops once DATEHEURE and UAI are both seen (UAI is optional: most
  // reads go to the end, which is short past DATEHEURE).
  bool on_record(std::size_t /*path_index*/, const xml::Node& record) override {
    const std::string_view name = record.name();
    if (name == "PARTENAIRE") on_partner(record);
    if (name == "CONTENU") on_content(record);
    if (name == "VERIFICATION") on_verification(record);
    if (name == "DATEHEURE" && !fields_.seen_date) {
      fields_.seen_date = true;
      // xs:dateTime: the date is its first ten characters. An unreadable one is left empty
      // (the drop name then gives the date, as for a clear export).
      fields_.export_date = parse_iso_date(record.text().substr(0, 10)).value_or("");
    }
    if (name == "UAI" && !fields_.seen_uai) {
      fields_.seen_uai = true;
      fields_.uai = std::string(record.text());
    }
    return !(header_only_ && fields_.seen_date && fields_.seen_uai);
  }

 private:
  void on_partner(const xml::Node& record) {
    if (++fields_.partners > kMaxPartners) {
      refuse(file_, record.line(),
             text::message("input.container.too_many_partners",
                           {text::arg("max", std::to_string(kMaxPartners))}));
    }
    const std::string_view partner = record.attr("NOM");
    if (!partner.empty() && partner.size() <= kMaxPartnerName)
      fields_.partner_names.emplace_back(partner);
    if (fields_.opened || record.text().size() > kMaxBlobText) return;
    std::string blob;
    const auto decoded = decode_base64(record.text(), blob);
    if (decoded != Base64Result::ok) {
      if (!fields_.partner_base64_error)
        fields_.partner_base64_error.emplace(SourceLocation{file_, record.line()},
                                             base64_error(decoded, "PARTENAIRE"));
      return;
    }
    fields_.opened = open_blob(key_, blob, fields_.secret);
  }

  void on_content(const xml::Node& record) {
    refuse_second(fields_.has_content, record);
    const std::string_view flag = record.attr("CompresseAvantChiffrement");
    if (flag == "false" || flag == "0") {
      fields_.compressed = false;
    } else if (!flag.empty() && flag != "true" && flag != "1") {
      refuse(file_, record.line(),
             text::message("input.container.bad_flag", {text::arg("value", std::string(flag))}));
    }
    const std::string_view text = record.text();
    if (text.empty()) return;  // read as absent, like every empty element
    if (text.size() > limits_.max_content_bytes)
      refuse(file_, record.line(), content_too_large(limits_));
    const auto decoded = decode_base64(text, fields_.ciphertext);
    if (decoded != Base64Result::ok) refuse(file_, record.line(), base64_error(decoded, "CONTENU"));
    fields_.has_content = true;
    fields_.content_line = record.line();
  }

  void on_verification(const xml::Node& record) {
    refuse_second(fields_.has_verification, record);
    if (record.text().empty()) return;
    const auto decoded = decode_base64(record.text(), fields_.verification);
    if (decoded != Base64Result::ok)
      refuse(file_, record.line(), base64_error(decoded, "VERIFICATION"));
    fields_.has_verification = true;
    fields_.verification_line = record.line();
  }

  // A second CONTENU or VERIFICATION: no export has one, and which one counts would be a guess.
  void refuse_second(bool seen, const xml::Node& record) const {
    if (!seen) return;
    refuse(file_, record.line(),
           text::message("input.container.duplicate",
                         {text::arg("element", std::string(record.name()))}));
  }

  const std::string& file_;
  EVP_PKEY* key_;
  bool header_only_;
  const ContainerLimits& limits_;
  ContainerFields& fields_;
};

// After the whole document: every part is there and the key opened one blob.
void check_complete(const ContainerFields& fields, const std::string& file,
                    const std::string& key_file) {
  if (fields.partners == 0) refuse(file, 0, text::message("input.container.no_partner"));
  for (const auto& [present, element] : {std::pair{fields.has_content, "CONTENU"},
                                         std::pair{fields.has_verification, "VERIFICATION"}}) {
    if (!present) {
      refuse(file, 0, text::message("input.container.missing", {text::arg("element", element)}));
    }
  }
  if (fields.opened) return;
  if (fields.partner_base64_error) throw *fields.partner_base64_error;
  auto names = fields.partner_names;
  if (names.empty()) names.emplace_back("?");
  refuse(file, 0,
         text::message("input.container.key_mismatch",
                       {text::arg("key_file", key_file), text::list("partners", names)}));
}

// First pass: the SHA-256 of the decrypted bytes (before any inflating, as Index Éducation
// computes VERIFICATION) must be VERIFICATION. Holds one chunk of decrypted bytes at a time.
void check_digest(const ContainerFields& fields, const std::string& file) {
  CbcDecryptor decryptor(fields.secret);
  const MdCtxPtr sha(EVP_MD_CTX_new());
  bool ok = sha && EVP_DigestInit_ex(sha.get(), EVP_sha256(), nullptr) == 1;
  std::vector<unsigned char> plain(kChunk + kAesBytes);
  const std::string& cipher = fields.ciphertext;
  for (std::size_t at = 0; ok && at < cipher.size(); at += kChunk) {
    const auto length =
        decryptor.update(cipher.data() + at, std::min(kChunk, cipher.size() - at), plain.data());
    ok = length && EVP_DigestUpdate(sha.get(), plain.data(), *length) == 1;
  }
  const auto last = ok ? decryptor.finish(plain.data()) : std::nullopt;
  if (!last) refuse(file, fields.content_line, text::message("input.container.decrypt_failed"));
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  ok = EVP_DigestUpdate(sha.get(), plain.data(), *last) == 1 &&
       EVP_DigestFinal_ex(sha.get(), digest.data(), &digest_length) == 1;
  if (!ok) refuse(file, fields.content_line, text::message("input.container.decrypt_failed"));
  if (digest_length != kSha256Bytes || fields.verification.size() != kSha256Bytes ||
      CRYPTO_memcmp(digest.data(), fields.verification.data(), kSha256Bytes) != 0) {
    refuse(file, fields.verification_line, text::message("input.container.digest_mismatch"));
  }
}

// --- The clear document -------------------------------------------------------------------------

// The ExportEmploiDuTemps, decrypted and (when compressed) inflated as it is read, its UTF-8
// BOM dropped. A decompression bomb is refused as zip members are: read() throws once the
// output (BOM included) passes max_clear_bytes, or passes 16 MiB and 200 times the compressed
// bytes, having produced at most one caller's buffer beyond that point.
class ClearSource final : public input::ByteSource {
 public:
  ClearSource(std::string name, std::string ciphertext, const SessionSecret& secret,
              bool compressed, std::uint64_t max_clear_bytes)
      : name_(std::move(name)),
        ciphertext_(std::move(ciphertext)),
        compressed_bytes_(ciphertext_.size()),
        decryptor_(secret),
        plain_(kChunk + kAesBytes),
        compressed_(compressed),
        max_clear_bytes_(max_clear_bytes) {
    if (compressed_) {
      // 15 + 32: zlib or gzip header, detected (java.util.zip.Inflater writes zlib).
      if (inflateInit2(&stream_, 15 + 32) != Z_OK)
        fail(text::message("input.container.inflate_failed", {text::arg("zlib", "inflateInit2")}));
      inflating_ = true;
    }
  }
  ClearSource(const ClearSource&) = delete;
  ClearSource& operator=(const ClearSource&) = delete;
  ~ClearSource() override {
    if (inflating_) inflateEnd(&stream_);
  }

  std::size_t read(char* buffer, std::size_t size) override {
    if (size == 0) return 0;
    if (!head_checked_) check_head();
    std::size_t count = 0;
    if (head_at_ < head_.size()) {
      count = std::min(size, head_.size() - head_at_);
      std::memcpy(buffer, head_.data() + head_at_, count);
      head_at_ += count;
    } else {
      count = produce(buffer, size);
    }
    handed_out_ += count;
    return count;
  }
  const std::string& display_name() const override { return name_; }
  std::uint64_t bytes_read() const override { return handed_out_; }

 private:
  [[noreturn]] void fail(text::Message message) const { refuse(name_, 0, std::move(message)); }

  // The first three bytes, kept to be handed out unless they are a UTF-8 BOM.
  void check_head() {
    head_checked_ = true;
    std::size_t got = 0;
    while (got < head_.size()) {
      const std::size_t count = produce(head_.data() + got, head_.size() - got);
      if (count == 0) break;
      got += count;
    }
    head_.resize(got);
    if (got == 3 && std::string_view(head_.data(), 3) == "\xEF\xBB\xBF") head_.clear();
  }

  // Writes clear bytes to `out` (at least one, unless the document is over); throws past the
  // cap.
  std::size_t produce(char* out, std::size_t size) {
    const std::size_t count = compressed_ ? inflate_into(out, size) : copy_into(out, size);
    produced_ += count;
    if (produced_ > max_clear_bytes_) {
      fail(text::message("input.container.clear_too_large",
                         {text::arg("limit", mebibytes(max_clear_bytes_))}));
    }
    if (compressed_ && produced_ > kRatioCheckedAfter &&
        produced_ / kMaxRatio > std::max<std::uint64_t>(compressed_bytes_, 1)) {
      fail(text::message("input.container.clear_ratio",
                         {text::arg("size", mebibytes(produced_)),
                          text::arg("compressed", std::to_string(compressed_bytes_))}));
    }
    return count;
  }

  std::size_t copy_into(char* out, std::size_t size) {
    while (plain_at_ == plain_size_) {
      if (!decrypt_more()) return 0;
    }
    const std::size_t count = std::min(size, plain_size_ - plain_at_);
    std::memcpy(out, plain_.data() + plain_at_, count);
    plain_at_ += count;
    return count;
  }

  std::size_t inflate_into(char* out, std::size_t size) {
    const auto room = static_cast<uInt>(std::min<std::size_t>(size, UINT_MAX));
    while (!stream_end_) {
      if (plain_at_ == plain_size_ && !decrypt_more())
        fail(text::message("input.container.inflate_truncated"));
      stream_.next_in = plain_.data() + plain_at_;
      stream_.avail_in = static_cast<uInt>(plain_size_ - plain_at_);
      stream_.next_out = reinterpret_cast<Bytef*>(out);
      stream_.avail_out = room;
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      plain_at_ = plain_size_ - stream_.avail_in;
      const std::size_t count = room - stream_.avail_out;
      if (rc == Z_STREAM_END) {
        // Bytes after the end of the stream are ignored, as java.util.zip.Inflater does.
        stream_end_ = true;
      } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && stream_.avail_in == 0)) {
        fail(text::message(
            "input.container.inflate_failed",
            {text::arg("zlib", stream_.msg != nullptr ? stream_.msg : std::to_string(rc))}));
      }
      if (count > 0) return count;
    }
    return 0;
  }

  // The next chunk of decrypted bytes into plain_; false once the ciphertext is all decrypted.
  bool decrypt_more() {
    if (cipher_done_) return false;
    std::optional<std::size_t> length;
    if (cipher_at_ < ciphertext_.size()) {
      const std::size_t piece = std::min(kChunk, ciphertext_.size() - cipher_at_);
      length = decryptor_.update(ciphertext_.data() + cipher_at_, piece, plain_.data());
      cipher_at_ += piece;
    } else {
      length = decryptor_.finish(plain_.data());
      cipher_done_ = true;
      std::string().swap(ciphertext_);
    }
    if (!length) fail(text::message("input.container.decrypt_failed"));
    plain_at_ = 0;
    plain_size_ = *length;
    return true;
  }

  std::string name_;
  std::string ciphertext_;
  std::uint64_t compressed_bytes_;  // the ciphertext's size: the compressed bytes and padding
  std::size_t cipher_at_ = 0;
  bool cipher_done_ = false;
  CbcDecryptor decryptor_;
  std::vector<unsigned char> plain_;  // decrypted, not yet inflated or handed out
  std::size_t plain_at_ = 0;
  std::size_t plain_size_ = 0;
  bool compressed_;
  z_stream stream_{};
  bool inflating_ = false;
  bool stream_end_ = false;
  std::string head_ = std::string(3, '\0');
  std::size_t head_at_ = 0;
  bool head_checked_ = false;
  std::uint64_t max_clear_bytes_;
  std::uint64_t produced_ = 0;
  std::uint64_t handed_out_ = 0;
};

std::size_t record_text_limit(const ContainerLimits& limits) {
  const std::size_t most = std::numeric_limits<std::size_t>::max();
  return limits.max_content_bytes > most - kTextMargin ? most
                                                       : limits.max_content_bytes + kTextMargin;
}

// Reads the container's XML into `fields`. The reader's refusal of a record over its text
// limit can only be CONTENU's (every other element is a few hundred bytes, blobs included) and
// is said as such.
void read_container(input::ByteSource& source, xml::DocumentHandler& handler, bool header_only,
                    const ContainerLimits& limits) {
  xml::StreamLimits stream_limits;
  stream_limits.handler_thread = false;  // a handful of records: nothing to overlap
  if (!header_only) stream_limits.record.max_text_bytes = record_text_limit(limits);
  try {
    xml::stream_document(source, handler, stream_limits);
  } catch (const InputError& error) {
    if (error.message().id != kReaderTextLimitId) throw;
    throw InputError(error.where(), content_too_large(limits));
  }
}

}  // namespace

OpenedContainer open_index_container(input::ByteSource& source, const std::string& key_file,
                                     bool header_only, const ContainerLimits& limits) {
  const std::string file = source.display_name();
  // The key is checked before the document is read: a missing key is said at once.
  PkeyPtr key;
  if (!header_only) key = load_partner_key(key_file, file);
  ContainerFields fields;
  ContainerHandler handler(file, key.get(), header_only, limits, fields);
  read_container(source, handler, header_only, limits);

  OpenedContainer opened;
  opened.header.uai = fields.uai;
  opened.header.export_date = fields.export_date;
  if (header_only) return opened;
  check_complete(fields, file, key_file);
  check_digest(fields, file);
  opened.clear = std::make_unique<ClearSource>(file, std::move(fields.ciphertext), fields.secret,
                                               fields.compressed, limits.max_clear_bytes);
  return opened;
}

}  // namespace edusync::timetable
