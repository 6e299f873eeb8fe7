// The connectors' messages in the reader's language (text/catalogue_connectors.cpp): each file
// target, the journal, the registry and the SambaEdu connector driven into its warnings and
// errors; rendered in English, a message holds the expected English words and none of the fixed
// French fragments of its catalogue entries (nested ones included), and in French it reads as
// it always has.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <set>
#include <stop_token>

#include "connectors/ldap_sambaedu/reconcile.hpp"
#include "connectors/registry.hpp"
#include "support/catalogue_evidence.hpp"
#include "support/closed_port.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"
#include "text/catalogue.hpp"

namespace edusync::connectors {
namespace {

namespace fs = std::filesystem;

// Characters (code points) of a UTF-8 text.

// The fixed text between the placeholders of a template.

// Every catalogue id in `m` and its nested messages.

// `english`, a rendering of `m`, holds no French fragment (12 characters or more, not also in the
// English template) of any entry `m` is made of.
void expect_no_french(const text::Message& m, const std::string& english) {
  std::set<std::string> ids;
  test::collect_ids(m, ids);
  EXPECT_FALSE(ids.empty()) << "verbatim: " << english;
  for (const auto& id : ids) {
    const auto* entry = text::find_entry(id);
    ASSERT_NE(entry, nullptr) << id;
    // Connectors' own words, and the reasons the model gives for a refusal
    // (model/acceptance.cpp).
    EXPECT_TRUE(id.starts_with("connector.") || id.starts_with("refusal.")) << id;
    for (const auto& fragment : test::french_evidence(*entry)) {
      EXPECT_EQ(english.find(fragment), std::string::npos)
          << id << ": French « " << fragment << " » in: " << english;
    }
  }
}

// `m` in English holds every one of `words` and no French fragment of its entries.
void expect_english(const text::Message& m, const std::vector<std::string>& words) {
  const std::string english = text::render(m, "en");
  EXPECT_EQ(english.find('{'), std::string::npos) << english;
  for (const auto& word : words) EXPECT_NE(english.find(word), std::string::npos) << english;
  expect_no_french(m, english);
}

model::Pupil pupil(const std::string& ine, const std::string& surname, const std::string& elenoet) {
  model::Pupil p;
  p.key = ine;
  p.uai = "0140065T";
  p.eleve_id = "1" + elenoet;
  p.elenoet = elenoet;
  p.ines = {ine};
  p.surname = surname;
  p.given_name = "Jean";
  p.sex = model::Sex::male;
  p.birth_date = "2011-03-14";
  p.birth_country = "100";
  p.birth_department = "014";
  p.birth_commune = "14118";
  p.status = "ST";
  p.mef = "10010012110";
  p.account.login = "login" + elenoet;
  return p;
}

// DUPONT (in 6A) and `second` (in 6A unless `in_division` is false).
model::Directory school(model::Pupil second, bool in_division = true) {
  model::Directory d;
  d.school_year = "2025";
  d.schools = {{"0140065T"}};
  d.divisions = {{"0140065T", "6A", "6e A", {}}};
  d.pupils = {pupil("0502116650N", "DUPONT", "1203"), std::move(second)};
  d.memberships.push_back({d.pupils[0].key, "0140065T", model::StructureKind::division, "6A"});
  if (in_division)
    d.memberships.push_back({d.pupils[1].key, "0140065T", model::StructureKind::division, "6A"});
  return d;
}

ApplyResult apply(const std::string& type, std::map<std::string, std::string> keys,
                  const model::Directory& after, const test::TempDir& dir) {
  if (!keys.contains("dir")) keys["dir"] = (dir.path() / "out").string();
  const auto connector = builtin_registry().create(test::connector_config("target", type, keys));
  plan::Plan plan;
  plan.items.push_back({});
  const model::Directory before;
  const std::map<std::string, std::string> passwords;
  return connector->apply({plan, before, after, passwords, "20251120T101010Z-abcd", "2025-11-20"});
}

const model::Warning& only_warning(const ApplyResult& result, const std::string& code) {
  EXPECT_TRUE(result.complete()) << result.error;
  EXPECT_EQ(result.warnings.size(), 1u);
  static const model::Warning none;
  if (result.warnings.empty()) return none;
  EXPECT_EQ(result.warnings[0].code, code);
  return result.warnings[0];
}

TEST(ConnectorMessagesLanguage, KoxoRefusalInEnglishAndUnchangedInFrench) {
  test::TempDir dir;
  const auto result =
      apply("koxo-csv", {}, school(pupil("0602116650N", "REFUS", "1204"), false), dir);
  const auto& warning = only_warning(result, "KOXO_NO_GROUP");
  expect_english(warning.message,
                 {"KOXO: REFUS Jean (pupil 01204) not written: pupil without a division (empty "
                  "GroupeSecondaire). ",
                  "To be corrected in SIECLE or "
                  "STS-web."});
  EXPECT_EQ(text::french(warning.message),
            "KOXO : REFUS Jean (élève 01204) non écrit : élève sans division (GroupeSecondaire "
            "vide). À corriger dans SIECLE ou STS-web.");
}

TEST(ConnectorMessagesLanguage, EntRefusal) {
  test::TempDir dir;
  const auto result =
      apply("ent-csv", {}, school(pupil("0602116650N", "REFUS", "1204"), false), dir);
  const auto& warning = only_warning(result, "ENT_NO_CLASS");
  expect_english(
      warning.message,
      {"ENT: REFUS Jean (pupil 01204) not written: pupil without a class (required in the ENT). ",
       "To be corrected in SIECLE or STS-web."});
}

TEST(ConnectorMessagesLanguage, PixRefusalAndDuplicateIne) {
  test::TempDir dir;
  auto no_sex = pupil("0602116650N", "REFUS", "1204");
  no_sex.sex = model::Sex::unknown;
  const auto refused = apply("pix-orga", {}, school(no_sex), dir);
  expect_english(only_warning(refused, "PIX_SEX_MISSING").message,
                 {"Pix: REFUS Jean (pupil 01204, 6A) not written: unknown sex (CODE_SEXE). ",
                  "To be corrected in SIECLE (Base élèves établissement, fiche de l'élève), then "
                  "drop a new export."});

  test::TempDir other;
  auto twin = pupil("0602116650N", "TWIN", "1204");
  twin.key = "0502116650N";  // the key of DUPONT, held twice (assemble/ keeps keys unique)
  const auto twice = apply("pix-orga", {}, school(twin), other);
  const auto& duplicate = only_warning(twice, "PIX_INE_DUPLICATE");
  expect_english(duplicate.message,
                 {"Pix: TWIN Jean (pupil 01204, 6A) not written: INE 0502116650N already held by "
                  "DUPONT Jean (pupil 01203, 6A). To be corrected in SIECLE"});
  EXPECT_EQ(text::french(duplicate.message),
            "Pix : TWIN Jean (élève 01204, 6A) non écrit : INE 0502116650N déjà porté par DUPONT "
            "Jean (élève 01203, 6A). À corriger dans SIECLE (Base élèves établissement, fiche de "
            "l'élève), puis déposer un nouvel export.");
}

TEST(ConnectorMessagesLanguage, EleaRefusalWithoutLoginIsWhollyEnglish) {
  test::TempDir dir;
  auto no_login = pupil("0602116650N", "REFUS", "1204");
  no_login.account.login.clear();
  const auto result = apply("elea-csv", {}, school(no_login), dir);
  const auto& warning = only_warning(result, "ELEA_NO_LOGIN");
  expect_english(warning.message,
                 {"Éléa: REFUS Jean (pupil 01204, 6A) not written: no login assigned (username is "
                  "required by Moodle)."});
  EXPECT_EQ(text::french(warning.message),
            "Éléa : REFUS Jean (élève 01204, 6A) non écrit : pas d'identifiant de connexion "
            "attribué (username obligatoire pour Moodle).");
}

TEST(ConnectorMessagesLanguage, TransliteratedCharactersOfACsvAndOfPixXml) {
  test::TempDir dir;
  const auto csv = apply("koxo-csv", {{"encoding", "latin1"}},
                         school(pupil("0602116650N", "LEBŒUF", "1204")), dir);
  const auto& record = only_warning(csv, "CHARSET_TRANSLITERATED");
  expect_english(record.message,
                 {"LEBŒUF Jean (pupil 01204, 6A): character(s) missing from the file's character "
                  "set, replaced: \"Œ\" -> \"OE\". Check the spelling in SIECLE/STS-web or choose "
                  "the utf-8-bom encoding."});
  EXPECT_EQ(text::french(record.message),
            "LEBŒUF Jean (élève 01204, 6A) : caractère(s) absent(s) du jeu de caractères du "
            "fichier, remplacé(s) : « Œ » -> « OE ». Vérifier l'orthographe dans SIECLE/STS-web "
            "ou choisir l'encodage utf-8-bom.");

  test::TempDir other;
  auto polish = pupil("0602116650N", "ĆWIK", "1204");  // Ž is in ISO-8859-15, Ć and Ł are not
  polish.given_name = "Łucja";
  const auto xml = apply("pix-orga", {}, school(polish), other);
  const auto& latin9 = only_warning(xml, "CHARSET_TRANSLITERATED");
  expect_english(latin9.message, {"Pix: character(s) missing from ISO-8859-15, replaced: "
                                  "\"Ć\" -> \"C\", \"Ł\" -> \"L\""});
}

TEST(ConnectorMessagesLanguage, AFileTargetThatCannotWrite) {
  test::TempDir dir;
  const std::string blocker = dir.write("blocker", "a file, not a directory");
  const auto result = apply("ent-csv", {{"dir", blocker + "/out"}},
                            school(pupil("0602116650N", "REFUS", "1204")), dir);
  ASSERT_FALSE(result.complete());
  // The directory's own error is common/file_writer's text, inside as it is.
  expect_english(result.error, {"target: output: ", blocker});
  EXPECT_TRUE(text::french(result.error).starts_with("target : sortie : ")) << result.error;
}

TEST(ConnectorMessagesLanguage, AJournalThatCannotWrite) {
  test::TempDir dir;
  const std::string blocker = dir.write("blocker", "a file, not a directory");
  const auto journal = builtin_registry().create(
      test::connector_config("audit", "journal", {{"path", blocker + "/journal.jsonl"}}));
  plan::Plan plan;
  plan.items.push_back({});
  const model::Directory empty;
  const std::map<std::string, std::string> passwords;
  const auto result = journal->apply({plan, empty, empty, passwords, "r", "2025-11-20"});
  ASSERT_FALSE(result.complete());
  expect_english(result.error, {"journal " + blocker + "/journal.jsonl: "});
}

// The check itself: the French rendering of a message fails it.
TEST(ConnectorMessagesLanguage, TheCheckFindsTheFrenchFragments) {
  static const auto m = text::message("connector.ldap.no_base", {text::arg("base", "dc=x")});
  EXPECT_NONFATAL_FAILURE(expect_no_french(m, text::french(m)), "n'existe pas dans l'annuaire");
}

TEST(ConnectorMessagesLanguage, AnUnknownConnectorType) {
  config::ConnectorConfig item;
  item.name = "x";
  item.type = "nope";
  try {
    builtin_registry().create(item);
    FAIL() << "no error";
  } catch (const InvalidSettings& error) {
    expect_english(error.message(), {"unknown connector type: nope"});
    EXPECT_STREQ(error.what(), "type de connecteur inconnu : nope");
  }
}

ApplyResult apply_sambaedu(const std::map<std::string, std::string>& keys,
                           std::stop_token stop = {}) {
  const auto connector =
      builtin_registry().create(test::connector_config("se3", "ldap-sambaedu", keys));
  plan::Plan plan;
  const model::Directory empty;
  const std::map<std::string, std::string> passwords;
  ApplyContext context{plan, empty, empty, passwords, "r", "2025-11-20"};
  context.stop = std::move(stop);
  return connector->apply(context);
}

// A closed loopback port: the connection error, inside the stop that ends the reconnection pause
// (asked before the apply: one attempt, no wait).
TEST(ConnectorMessagesLanguage, SambaEduUnreachableAndStopped) {
  const test::ClosedPort port;
  test::TempDir dir;
  const auto secret = dir.write("bind.secret", "s3cret");
  ::chmod(secret.c_str(), 0600);
  std::stop_source source;
  source.request_stop();
  const auto result = apply_sambaedu({{"uri", port.uri()},
                                      {"bind_dn", "cn=admin,dc=test,dc=edusync"},
                                      {"bind_password_file", secret},
                                      {"base_dn", "dc=test,dc=edusync"},
                                      {"timeout", "5"}},
                                     source.get_token());
  ASSERT_FALSE(result.complete());
  expect_english(result.error, {"stop requested while reconnecting to the directory (after 1 "
                                "attempt of 4, the last one: cannot connect to the directory " +
                                    port.uri() + ": ",
                                "nothing more was written"});
  EXPECT_NE(text::french(result.error)
                .find("arrêt demandé pendant la reconnexion à l'annuaire (après 1 tentative sur 4, "
                      "la dernière : connexion impossible à l'annuaire " +
                      port.uri() + " : "),
            std::string::npos)
      << result.error;
}

TEST(ConnectorMessagesLanguage, SambaEduSettingsAndAnExposedSecret) {
  const auto no_bind_dn = apply_sambaedu({{"uri", "ldap://127.0.0.1:9"}, {"base_dn", "dc=x"}});
  expect_english(no_bind_dn.error, {"bind_dn missing: without bind_dn, only SASL EXTERNAL "
                                    "authentication over ldapi:// is possible"});

  test::TempDir dir;
  const auto unreadable =
      apply_sambaedu({{"uri", "ldap://127.0.0.1:9"},
                      {"bind_dn", "cn=admin,dc=x"},
                      {"bind_password_file", (dir.path() / "absent.secret").string()},
                      {"base_dn", "dc=x"}});
  expect_english(unreadable.error, {"bind_password_file ", "absent.secret unreadable"});

  const std::string secret = dir.write("bind.secret", "s3cret\n");
  ::chmod(secret.c_str(), 0644);
  const auto exposed = apply_sambaedu({{"uri", "ldap://127.0.0.1:9"},
                                       {"bind_dn", "cn=admin,dc=x"},
                                       {"bind_password_file", secret},
                                       {"base_dn", ""}});
  expect_english(exposed.error, {"base_dn missing"});
  ASSERT_EQ(exposed.warnings.size(), 1u);
  const auto& warning = exposed.warnings[0];
  EXPECT_EQ(warning.code, "LDAP_BIND_PASSWORD_FILE_EXPOSED");
  expect_english(warning.message, {"ldap-sambaedu se3: the bind password file " + secret +
                                       " can be read by others than its owner (mode 0644)",
                                   "\"chmod 600 " + secret + "\""});
  EXPECT_EQ(text::french(warning.message),
            "ldap-sambaedu se3 : le fichier du mot de passe de liaison " + secret +
                " est accessible à d'autres que son propriétaire (mode 0644) : tout compte de la "
                "machine peut lire le mot de passe de l'annuaire. Corriger avec « chmod 600 " +
                secret + " » (ou 640 avec le groupe d'edusync), puis changer ce mot de passe.");
}

// Reconciliation's notices, drift and refusals, computed without a server.
TEST(ConnectorMessagesLanguage, SambaEduReconciliation) {
  ldap::Layout layout;
  layout.base_dn = "dc=test";
  layout.domain_sid = "S-1-5-21-1";
  ldap::DesiredUser user{"0502116650N", "jdupont", "01203", "Jean DUPONT", false, {}};
  user.attributes = {{"uid", {"jdupont"}}, {"uidNumber", {"1001"}}, {"sn", {"DUPONT"}}};
  ldap::DesiredGroup group{"Classe_6A", ldap::GroupKind::division, "6A", "", "6A", false, {}};
  ldap::DesiredGroup other_class{"Equipe_6A", ldap::GroupKind::team, "6A", "", "6A", false, {}};
  ldap::Desired desired;
  desired.users.emplace(user.login, user);
  desired.groups.emplace(group.cn, group);
  desired.groups.emplace(other_class.cn, other_class);
  ldap::Snapshot actual;
  actual.people.emplace("stray", ldap::Entry{"uid=stray,ou=People,dc=test", {{"uid", {"stray"}}}});
  actual.groups.emplace(
      "equipe_6a", ldap::Entry{"cn=Equipe_6A,ou=Groups,dc=test",
                               {{"objectclass", {"top", "groupOfNames"}}, {"cn", {"Equipe_6A"}}}});
  const std::map<std::string, std::string> renamed, passwords;
  const auto work =
      ldap::reconcile({layout, desired, desired, actual, renamed, false, passwords, "2025-11-20"});
  std::map<std::string, const text::Message*> by_id;
  for (const auto* list : {&work.drift, &work.notices}) {
    for (const auto& m : *list) by_id[m.id] = &m;
  }
  ASSERT_TRUE(by_id.contains("connector.ldap.unknown_accounts"));
  expect_english(*by_id["connector.ldap.unknown_accounts"],
                 {"1 account of ou=People unknown to edusync, left as they are: stray"});
  EXPECT_EQ(text::french(*by_id["connector.ldap.unknown_accounts"]),
            "1 compte(s) de ou=People inconnu(s) d'edusync, laissé(s) tel(s) quel(s) : stray");
  ASSERT_TRUE(by_id.contains("connector.ldap.recreated_without_password"));
  expect_english(*by_id["connector.ldap.recreated_without_password"],
                 {"uid=jdupont recreated without a password"});
  ASSERT_TRUE(by_id.contains("connector.ldap.user_recreated"));
  expect_english(*by_id["connector.ldap.user_recreated"],
                 {"uid=jdupont deleted from the directory: recreated"});
  ASSERT_TRUE(by_id.contains("connector.ldap.group_recreated"));
  expect_english(*by_id["connector.ldap.group_recreated"],
                 {"cn=Classe_6A deleted from the directory: recreated"});
  ASSERT_TRUE(by_id.contains("connector.ldap.group_other_class"));
  expect_english(*by_id["connector.ldap.group_other_class"],
                 {"cn=Equipe_6A exists with another object class"});

  // The same login held by someone else: refused, nothing written for this person.
  ldap::Snapshot taken;
  taken.people.emplace(
      "jdupont",
      ldap::Entry{"uid=jdupont,ou=People,dc=test",
                  {{"uid", {"jdupont"}}, {"uidnumber", {"2000"}}, {"employeenumber", {"09999"}}}});
  const ldap::Desired nothing;
  ldap::Desired only_user;
  only_user.users.emplace(user.login, user);
  const auto refused =
      ldap::reconcile({layout, nothing, only_user, taken, renamed, false, passwords, "2025-11-20"});
  ASSERT_EQ(refused.refused.size(), 1u);
  expect_english(refused.refused[0].second,
                 {"the account uid=jdupont,ou=People,dc=test already exists for another person "
                  "(uidNumber 2000, employeeNumber \"09999\"): nothing is written for Jean DUPONT "
                  "(01203)"});
}

}  // namespace
}  // namespace edusync::connectors
