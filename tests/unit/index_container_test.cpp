// Index Éducation's encrypted container (sources/timetable/index_container.hpp): what the sealing
// side (index_seal.hpp) writes opens back into the exact document, and every way a container,
// its key or its content can be wrong is refused with its own message, in both languages.
// Keys are generated when the suite starts and written to a temporary directory: no key is
// ever committed.
#include "sources/timetable/index_container.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <zlib.h>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/timetable/index_seal.hpp"
#include "support/catalogue_evidence.hpp"
#include "support/test_support.hpp"
#include "text/catalogue.hpp"
#include "text/message.hpp"

namespace edusync::timetable {
namespace {

constexpr char kName[] = "0140065T_20260914183000_EDT.xml";

// A timetable export as EDT writes it (the container does not look inside: any bytes do).
std::string edt_document() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<ExportEmploiDuTemps Etablissement=\"Collège Éléonore\" UAI=\"0140065T\">\n"
         "  <AnneeScolaire DateDebut=\"2026-09-01\" DateFin=\"2027-07-04\"/>\n"
         "  <Matieres><Matiere Code=\"FRANC\" Libelle=\"Français\"/></Matieres>\n"
         "</ExportEmploiDuTemps>\n";
}

// Bytes that do not compress (a linear congruential sequence), `size` of them.
std::string noise(std::size_t size) {
  std::string bytes(size, '\0');
  std::uint32_t state = 12345;
  for (auto& byte : bytes) {
    state = state * 1103515245u + 12345u;
    byte = static_cast<char>(state >> 24);
  }
  return bytes;
}

// Everything read from `source`, `piece` bytes at a time.
std::string drain(input::ByteSource& source, std::size_t piece = 4096) {
  std::string out;
  std::vector<char> buffer(piece);
  while (const std::size_t got = source.read(buffer.data(), buffer.size()))
    out.append(buffer.data(), got);
  return out;
}

// The text between <element...> and </element> of the first `element`, as a range of `xml`.
std::pair<std::size_t, std::size_t> element_text(const std::string& xml,
                                                 const std::string& element) {
  const auto open = xml.find("<" + element);
  const auto start = xml.find('>', open) + 1;
  const auto end = xml.find("</" + element + ">", start);
  EXPECT_NE(open, std::string::npos) << element;
  EXPECT_NE(end, std::string::npos) << element;
  return {start, end};
}

void replace_first(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

// Seals `payload` as the container's decrypted bytes but declares them compressed, so that the
// reader inflates them as they are (VERIFICATION digests exactly these bytes).
std::string seal_as_compressed(const std::string& payload, const std::string& public_pem) {
  SealOptions options;
  options.compress = false;
  std::string container = seal_index_container(payload, public_pem, options);
  replace_first(container, "CompresseAvantChiffrement=\"false\"",
                "CompresseAvantChiffrement=\"true\"");
  return container;
}

// `data` deflated with a gzip header (windowBits 15 + 16) instead of zlib's.
std::string gzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zlib_compress(const std::string& data) {
  uLongf length = compressBound(static_cast<uLong>(data.size()));
  std::string out(length, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &length,
                      reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                      Z_BEST_COMPRESSION),
            Z_OK);
  out.resize(length);
  return out;
}

// An Ed25519 private key in PEM: a valid private key that is not RSA.
std::string ed25519_private_pem() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  EXPECT_TRUE(key && bio);
  EXPECT_EQ(PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
            1);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return {data, static_cast<std::size_t>(length)};
}

class IndexContainer : public ::testing::Test {
 protected:
  // 1024-bit keys: generating 2048-bit ones costs up to a second each on a loaded machine, and
  // the key size changes nothing the reader does (RSA is libcrypto's).
  static void SetUpTestSuite() {
    directory_ = std::make_unique<test::TempDir>();
    ours_ = std::make_unique<TestKeyPair>(generate_test_key_pair(1024));
    theirs_ = std::make_unique<TestKeyPair>(generate_test_key_pair(1024));
    our_key_file_ = directory_->write("partner.pem", ours_->private_pem);
    their_key_file_ = directory_->write("other.pem", theirs_->private_pem);
  }
  static void TearDownTestSuite() {
    ours_.reset();
    theirs_.reset();
    directory_.reset();
  }

  static std::string seal(const std::string& document, SealOptions options = {}) {
    if (options.date_time.empty()) options.date_time = "2026-09-14T18:30:00";
    if (options.uai.empty()) options.uai = "0140065T";
    return seal_index_container(document, ours_->public_pem, options);
  }

  static OpenedContainer open(const std::string& container, const std::string& key_file,
                              const ContainerLimits& limits = {}, std::size_t piece = 1u << 20) {
    input::MemorySource source(kName, container, piece);
    return open_index_container(source, key_file, false, limits);
  }

  static std::string open_and_read(const std::string& container,
                                   const ContainerLimits& limits = {}) {
    auto opened = open(container, our_key_file_, limits);
    EXPECT_TRUE(opened.clear);
    if (!opened.clear) return {};
    EXPECT_EQ(opened.clear->display_name(), kName);
    return drain(*opened.clear);
  }

  static std::unique_ptr<test::TempDir> directory_;
  static std::unique_ptr<TestKeyPair> ours_;
  static std::unique_ptr<TestKeyPair> theirs_;
  static std::string our_key_file_;
  static std::string their_key_file_;
};

std::unique_ptr<test::TempDir> IndexContainer::directory_;
std::unique_ptr<TestKeyPair> IndexContainer::ours_;
std::unique_ptr<TestKeyPair> IndexContainer::theirs_;
std::string IndexContainer::our_key_file_;
std::string IndexContainer::their_key_file_;

InputError refusal(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "the container was accepted";
  return InputError({}, text::verbatim("<accepted>"));
}

// The refusal is `id`, names the container, and reads in English without any French fixed
// words of its entries (nested ones included). Returns the English text.
std::string expect_refusal(const InputError& error, const std::string& id) {
  EXPECT_EQ(error.message().id, id) << error.what();
  EXPECT_EQ(error.where().file, kName);
  std::string english = error.reason("en");
  std::set<std::string> ids;
  test::collect_ids(error.message(), ids);
  for (const auto& each : ids) {
    const text::Entry* entry = text::find_entry(each);
    EXPECT_NE(entry, nullptr) << "no catalogue entry " << each;
    if (entry == nullptr) continue;
    for (const auto& fragment : test::french_evidence(*entry))
      EXPECT_EQ(english.find(fragment), std::string::npos) << fragment << " in: " << english;
  }
  EXPECT_EQ(english.find('{'), std::string::npos) << english;
  EXPECT_EQ(english.find("«"), std::string::npos) << english;
  EXPECT_NE(text::french(error.message()).find("Index Éducation"), std::string::npos)
      << error.what();
  return english;
}

// --- What opens ---------------------------------------------------------------------------------

TEST_F(IndexContainer, SealedThenOpenedGivesBackTheExactDocumentCompressed) {
  const std::string container = seal(edt_document());
  EXPECT_NE(container.find("CompresseAvantChiffrement=\"true\""), std::string::npos);
  EXPECT_EQ(container.find("ExportEmploiDuTemps"), std::string::npos) << "content in clear";
  EXPECT_EQ(open_and_read(container), edt_document());
}

TEST_F(IndexContainer, SealedThenOpenedGivesBackTheExactDocumentUncompressed) {
  SealOptions options;
  options.compress = false;
  const std::string container = seal(edt_document(), options);
  EXPECT_NE(container.find("CompresseAvantChiffrement=\"false\""), std::string::npos);
  EXPECT_EQ(open_and_read(container), edt_document());
  // Sizes that end the base64 of the content with no, one and two '=' (ciphertext of 16 * n).
  for (const std::size_t size : {0u, 15u, 16u, 31u, 32u, 47u, 100u, 70000u}) {
    const std::string bytes = noise(size);
    EXPECT_EQ(open_and_read(seal(bytes, options)), bytes) << size;
    EXPECT_EQ(open_and_read(seal(bytes)), bytes) << size;
  }
}

TEST_F(IndexContainer, AnotherPartnersBlobBeforeOursIsTriedAndPassed) {
  SealOptions options;
  options.other_partner_keys = {theirs_->public_pem};
  const std::string container = seal(edt_document(), options);
  EXPECT_LT(container.find("NOM=\"INDEXEDUCATION\""), container.find("NOM=\"EDUSYNC\""));
  EXPECT_EQ(open_and_read(container), edt_document());
  // The other partner opens the same content with its own key.
  auto opened = open(container, their_key_file_);
  ASSERT_TRUE(opened.clear);
  EXPECT_EQ(drain(*opened.clear), edt_document());
}

TEST_F(IndexContainer, ALeadingUtf8BomIsDroppedAndOnlyThatOne) {
  const std::string bom = "\xEF\xBB\xBF";
  for (const bool compress : {true, false}) {
    SealOptions options;
    options.compress = compress;
    EXPECT_EQ(open_and_read(seal(bom + edt_document(), options)), edt_document());
    EXPECT_EQ(open_and_read(seal(bom + bom + "x", options)), bom + "x");
    EXPECT_EQ(open_and_read(seal("\xEF\xBB", options)), "\xEF\xBB");
  }
}

TEST_F(IndexContainer, ReadsInPiecesOfAnySizeOnBothSides) {
  const std::string document = "\xEF\xBB\xBF" + edt_document() + noise(3000);
  const std::string container = seal(document);
  auto opened = open(container, our_key_file_, {}, 7);  // the XML handed out 7 bytes at a time
  ASSERT_TRUE(opened.clear);
  EXPECT_EQ(drain(*opened.clear, 1), document.substr(3));
  EXPECT_EQ(opened.clear->bytes_read(), document.size() - 3);
}

TEST_F(IndexContainer, AGzipHeaderIsDetectedAsWellAsZlibs) {
  EXPECT_EQ(open_and_read(seal_as_compressed(gzip(edt_document()), ours_->public_pem)),
            edt_document());
  EXPECT_EQ(open_and_read(seal_as_compressed(zlib_compress(edt_document()), ours_->public_pem)),
            edt_document());
}

// libxml2 limits a text node to 10,000,000 bytes without XML_PARSE_HUGE when it builds a tree;
// the record reader has its own limit, which the container raises to max_content_bytes.
TEST_F(IndexContainer, AContentLargerThanLibxmlsTextNodeLimitOpens) {
  SealOptions options;
  options.compress = false;
  const std::string bytes = noise(9u << 20);  // 12 MiB of base64
  EXPECT_EQ(open_and_read(seal(bytes, options)), bytes);
}

TEST_F(IndexContainer, HeaderOnlyGivesUaiAndDateWithoutAKey) {
  input::MemorySource source(kName, seal(edt_document()));
  const auto opened = open_index_container(source, "", true);
  EXPECT_EQ(opened.header.uai, "0140065T");
  EXPECT_EQ(opened.header.export_date, "2026-09-14");
  EXPECT_FALSE(opened.clear);

  SealOptions options;
  options.uai = "";
  options.date_time = "2026-09-14T18:30:00";
  input::MemorySource without_uai(kName, seal_index_container("x", ours_->public_pem, options));
  const auto header = open_index_container(without_uai, "", true).header;
  EXPECT_EQ(header.uai, "");
  EXPECT_EQ(header.export_date, "2026-09-14");
}

TEST_F(IndexContainer, OpeningGivesTheHeaderToo) {
  const auto opened = open(seal(edt_document()), our_key_file_);
  EXPECT_EQ(opened.header.uai, "0140065T");
  EXPECT_EQ(opened.header.export_date, "2026-09-14");
}

// --- The key ------------------------------------------------------------------------------------

TEST_F(IndexContainer, NoKeyFileConfigured) {
  const auto error = refusal([&] { open(seal(edt_document()), ""); });
  const auto english = expect_refusal(error, "input.container.no_key");
  EXPECT_NE(english.find("timetable.partner_key_file"), std::string::npos) << english;
}

TEST_F(IndexContainer, UnreadableKeyFileSaysWhy) {
  const std::string missing = (directory_->path() / "absent.pem").string();
  const auto error = refusal([&] { open(seal(edt_document()), missing); });
  const auto english = expect_refusal(error, "input.container.key_unreadable");
  EXPECT_NE(english.find(missing), std::string::npos) << english;
  std::set<std::string> ids;
  test::collect_ids(error.message(), ids);
  EXPECT_TRUE(ids.contains("input.system.no_entry")) << english;

  const auto directory = refusal([&] { open(seal(edt_document()), directory_->path().string()); });
  expect_refusal(directory, "input.container.key_unreadable");
}

TEST_F(IndexContainer, AKeyFileThatIsNotAPemPrivateKey) {
  for (const std::string& content :
       {std::string("not a key\n"), std::string(), ours_->public_pem, noise(4096)}) {
    const std::string file = directory_->write("bad.pem", content);
    const auto error = refusal([&] { open(seal(edt_document()), file); });
    const auto english = expect_refusal(error, "input.container.key_not_pem");
    EXPECT_NE(english.find(file), std::string::npos) << english;
  }
}

TEST_F(IndexContainer, APrivateKeyThatIsNotRsa) {
  const std::string file = directory_->write("ed25519.pem", ed25519_private_pem());
  const auto error = refusal([&] { open(seal(edt_document()), file); });
  expect_refusal(error, "input.container.key_not_rsa");
}

TEST_F(IndexContainer, AnotherKeyDoesNotOpenItAndTheMessageSaysSo) {
  SealOptions options;
  options.partner = "ENT_CORRELYCE";
  const auto error = refusal([&] { open(seal(edt_document(), options), their_key_file_); });
  const auto english = expect_refusal(error, "input.container.key_mismatch");
  EXPECT_NE(english.find("not the key of the partner this export was made for"), std::string::npos)
      << english;
  EXPECT_NE(english.find("ENT_CORRELYCE"), std::string::npos) << english;
  EXPECT_NE(english.find(their_key_file_), std::string::npos) << english;
  EXPECT_EQ(english.find("PRIVATE KEY"), std::string::npos) << english;
}

TEST_F(IndexContainer, NoPartnerAtAll) {
  std::string container = seal(edt_document());
  const auto start = container.find("<CLES>");
  const auto end = container.find("</CLES>") + 7;
  container.erase(start, end - start);
  const auto error = refusal([&] { open(container, our_key_file_); });
  expect_refusal(error, "input.container.no_partner");
}

// --- A damaged container ------------------------------------------------------------------------

TEST_F(IndexContainer, AnAlteredVerificationIsADigestMismatch) {
  std::string container = seal(edt_document());
  const auto [start, end] = element_text(container, "VERIFICATION");
  container[start] = container[start] == 'A' ? 'B' : 'A';
  const auto error = refusal([&] { open(container, our_key_file_); });
  const auto english = expect_refusal(error, "input.container.digest_mismatch");
  EXPECT_NE(english.find("export it again"), std::string::npos) << english;
  EXPECT_GT(error.where().line, 0);
}

TEST_F(IndexContainer, AContentCutInTheMiddleOfItsBase64) {
  SealOptions options;
  options.compress = false;
  std::string container = seal(noise(5000), options);
  const auto [start, end] = element_text(container, "CONTENU");
  const std::size_t first = start;
  // Cut in the middle, leaving a number of base64 digits that is not a multiple of four.
  std::size_t cut = start + (end - start) / 2;
  const auto digits = [&](std::size_t until) {
    std::size_t count = 0;
    for (std::size_t i = first; i < until; ++i)
      count += container[i] != '\r' && container[i] != '\n';
    return count;
  };
  while (digits(cut) % 4 == 0) ++cut;
  container.erase(cut, end - cut);
  const auto error = refusal([&] { open(container, our_key_file_); });
  const auto english = expect_refusal(error, "input.container.base64_truncated");
  EXPECT_NE(english.find("CONTENU"), std::string::npos) << english;
}

TEST_F(IndexContainer, AContentCutBetweenTwoBase64GroupsDoesNotDecrypt) {
  SealOptions options;
  options.compress = false;
  std::string container = seal(noise(5000), options);
  const auto [start, end] = element_text(container, "CONTENU");
  // Ten whole lines of 76 digits and CR LF: 570 bytes, not a whole number of AES blocks.
  constexpr std::size_t kTenLines = std::size_t{78} * 10;
  container.erase(start + kTenLines, end - start - kTenLines);
  const auto error = refusal([&] { open(container, our_key_file_); });
  expect_refusal(error, "input.container.decrypt_failed");
}

TEST_F(IndexContainer, AnInvalidCharacterInTheContent) {
  std::string container = seal(edt_document());
  const auto [start, end] = element_text(container, "CONTENU");
  container[start + (end - start) / 2] = '*';
  const auto error = refusal([&] { open(container, our_key_file_); });
  const auto english = expect_refusal(error, "input.container.base64_invalid");
  EXPECT_NE(english.find("CONTENU"), std::string::npos) << english;
  EXPECT_GT(error.where().line, 0);
}

TEST_F(IndexContainer, PaddingInTheMiddleIsInvalid) {
  std::string container = seal(edt_document());
  const auto [start, end] = element_text(container, "VERIFICATION");
  container.insert(start + 4, "AB==");
  const auto error = refusal([&] { open(container, our_key_file_); });
  const auto english = expect_refusal(error, "input.container.base64_invalid");
  EXPECT_NE(english.find("VERIFICATION"), std::string::npos) << english;
}

TEST_F(IndexContainer, ADamagedPartnerBlobIsSaidWhenNoBlobOpens) {
  std::string container = seal(edt_document());
  const auto [start, end] = element_text(container, "PARTENAIRE");
  container[start + 10] = '!';
  const auto error = refusal([&] { open(container, our_key_file_); });
  const auto english = expect_refusal(error, "input.container.base64_invalid");
  EXPECT_NE(english.find("PARTENAIRE"), std::string::npos) << english;
}

TEST_F(IndexContainer, MissingContentOrVerification) {
  for (const std::string element : {"CONTENU", "VERIFICATION"}) {
    std::string container = seal(edt_document());
    const auto [start, end] = element_text(container, element);
    container.erase(start, end - start);  // <CONTENU ...></CONTENU>: empty reads as absent
    const auto error = refusal([&] { open(container, our_key_file_); });
    const auto english = expect_refusal(error, "input.container.missing");
    EXPECT_NE(english.find(element), std::string::npos) << english;
  }
}

TEST_F(IndexContainer, ASecondContentIsRefused) {
  std::string container = seal(edt_document());
  const auto [start, end] = element_text(container, "CONTENU");
  const auto open_tag = container.rfind("<CONTENU", start);
  const std::string whole = container.substr(open_tag, end + 10 - open_tag);
  container.insert(open_tag, whole + "\n  ");
  const auto error = refusal([&] { open(container, our_key_file_); });
  expect_refusal(error, "input.container.duplicate");
}

TEST_F(IndexContainer, ACompressionFlagThatIsNotABoolean) {
  std::string container = seal(edt_document());
  replace_first(container, "CompresseAvantChiffrement=\"true\"",
                "CompresseAvantChiffrement=\"oui\"");
  const auto error = refusal([&] { open(container, our_key_file_); });
  const auto english = expect_refusal(error, "input.container.bad_flag");
  EXPECT_NE(english.find("\"oui\""), std::string::npos) << english;
}

TEST_F(IndexContainer, ContentThatIsNotZlibDoesNotInflate) {
  auto opened =
      open(seal_as_compressed("this is no zlib stream at all", ours_->public_pem), our_key_file_);
  ASSERT_TRUE(opened.clear);
  const auto error = refusal([&] { drain(*opened.clear); });
  const auto english = expect_refusal(error, "input.container.inflate_failed");
  EXPECT_NE(english.find("zlib: "), std::string::npos) << english;
}

TEST_F(IndexContainer, ACompressedStreamCutShortDoesNotInflate) {
  const std::string compressed = zlib_compress(edt_document() + noise(20000));
  auto opened =
      open(seal_as_compressed(compressed.substr(0, compressed.size() / 2), ours_->public_pem),
           our_key_file_);
  ASSERT_TRUE(opened.clear);
  const auto error = refusal([&] { drain(*opened.clear); });
  expect_refusal(error, "input.container.inflate_truncated");
}

// --- Limits and hostile input -------------------------------------------------------------------

TEST_F(IndexContainer, ADecompressionBombIsRefusedBeforeItsCap) {
  const std::string zeros(64u << 20, '\0');
  const std::string container = seal(zeros);
  EXPECT_LT(container.size(), 1u << 20);
  ContainerLimits limits;
  limits.max_clear_bytes = 1u << 20;
  auto opened = open(container, our_key_file_, limits);
  ASSERT_TRUE(opened.clear);
  const auto error = refusal([&] { drain(*opened.clear, 256u << 10); });
  const auto english = expect_refusal(error, "input.container.clear_too_large");
  EXPECT_NE(english.find("1 MiB"), std::string::npos) << english;
  // Refused as soon as the output passed the cap: less than the cap was handed out.
  EXPECT_LE(opened.clear->bytes_read(), limits.max_clear_bytes);
  // And the same reading a second time fails the same way, not with a crash.
  const auto again = refusal([&] { drain(*opened.clear); });
  EXPECT_EQ(again.message().id, "input.container.clear_too_large");
}

// Under the default cap (4 GiB), the zip members' ratio rule stops the same bomb after 16 MiB.
TEST_F(IndexContainer, ADecompressionBombIsRefusedByItsRatioUnderTheDefaultCap) {
  auto opened = open(seal(std::string(64u << 20, '\0')), our_key_file_);
  ASSERT_TRUE(opened.clear);
  const auto error = refusal([&] { drain(*opened.clear, 256u << 10); });
  expect_refusal(error, "input.container.clear_ratio");
  EXPECT_LE(opened.clear->bytes_read(), 16u << 20);
  // A document that compresses well, as XML does, but far less than 200 times, reads whole.
  std::string rows;
  for (int i = 0; rows.size() < (17u << 20); ++i)
    rows += "<Cours Numero=\"" + std::to_string(i) + "\" Salle=\"S" + std::to_string(i % 97) +
            "\" Professeur=\"P" + std::to_string(i % 311) + "\"/>\n";
  EXPECT_EQ(open_and_read(seal(rows)).size(), rows.size());
}

TEST_F(IndexContainer, AContentOverItsLimitIsRefusedBeforeDecoding) {
  SealOptions options;
  options.compress = false;
  ContainerLimits limits;
  limits.max_content_bytes = 4096;
  // Just over the limit (the container's own check) and far over it (the record reader's,
  // said the same way).
  for (const std::size_t size : {std::size_t{4000}, std::size_t{300000}}) {
    const auto error = refusal([&] { open(seal(noise(size), options), our_key_file_, limits); });
    const auto english = expect_refusal(error, "input.container.content_too_large");
    EXPECT_NE(english.find("1 MiB"), std::string::npos) << english;
  }
  EXPECT_EQ(open_and_read(seal(noise(2000), options), limits), noise(2000));
}

TEST_F(IndexContainer, AHostileDocumentIsRefusedByTheReader) {
  std::string container = seal(edt_document());
  replace_first(container, "<EXPORT_INDEX_EDUCATION",
                "<!DOCTYPE EXPORT_INDEX_EDUCATION [<!ENTITY x \"xxxxxxxxxx\">]>\n"
                "<EXPORT_INDEX_EDUCATION");
  replace_first(container, "<UAI>0140065T", "<UAI>&x;");
  const auto error = refusal([&] { open(container, our_key_file_); });
  EXPECT_EQ(error.message().id, "input.xml.doctype") << error.what();
  const auto header = refusal([&] {
    input::MemorySource source(kName, container);
    open_index_container(source, "", true);
  });
  EXPECT_EQ(header.message().id, "input.xml.doctype") << header.what();
}

TEST_F(IndexContainer, ADocumentThatIsNoContainer) {
  for (const bool header_only : {true, false}) {
    const auto error = refusal([&] {
      input::MemorySource source(kName, edt_document());
      open_index_container(source, our_key_file_, header_only);
    });
    const auto english = expect_refusal(error, "input.container.not_container");
    EXPECT_NE(english.find("\"ExportEmploiDuTemps\""), std::string::npos) << english;
  }
}

TEST_F(IndexContainer, TooManyPartnerBlobsAreNotTried) {
  std::string container = seal(edt_document());
  std::string blobs;
  for (int i = 0; i < 20; ++i) blobs += "<PARTENAIRE NOM=\"X\">QUJD</PARTENAIRE>\n";
  replace_first(container, "<CLES>", "<CLES>" + blobs);
  const auto error = refusal([&] { open(container, our_key_file_); });
  expect_refusal(error, "input.container.too_many_partners");
}

}  // namespace
}  // namespace edusync::timetable
