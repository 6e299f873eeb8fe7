#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "common/ascii_fold.hpp"
#include "identity/login.hpp"
#include "identity/number_allocator.hpp"
#include "identity/password.hpp"
#include "identity/random.hpp"

namespace edusync::identity {
namespace {

// ---------------------------------------------------------------- folding

TEST(IdentityFold, AccentsAndLigaturesBecomeAscii) {
  EXPECT_EQ(fold_to_ascii("Cœurdevey"), "coeurdevey");
  EXPECT_EQ(fold_to_ascii("CŒURDEVEY"), "coeurdevey");
  EXPECT_EQ(fold_to_ascii("Lætitia"), "laetitia");
  EXPECT_EQ(fold_to_ascii("Ærøskøbing"), "aeroskobing");
  EXPECT_EQ(fold_to_ascii("Šťastný"), "stastny");
  EXPECT_EQ(fold_to_ascii("Ngô"), "ngo");
  EXPECT_EQ(fold_to_ascii("Nguyễn"), "nguyen");
  EXPECT_EQ(fold_to_ascii("Martin-Lefèvre"), "martin-lefevre");
  EXPECT_EQ(fold_to_ascii("Straße"), "strasse");
  EXPECT_EQ(fold_to_ascii("Ðorđević"), "dordevic");
  EXPECT_EQ(fold_to_ascii("Łukasz"), "lukasz");
}

TEST(IdentityFold, OtherScriptsAreTransliteratedFirst) {
  EXPECT_EQ(fold_to_ascii("Иванов"), "ivanov");
  EXPECT_EQ(fold_to_ascii("Пётр"), "petr");
  EXPECT_EQ(fold_to_ascii("محمد"), "mhmd");
  EXPECT_EQ(fold_to_ascii("الهاشمي"), "alhashmy");
  EXPECT_EQ(fold_to_ascii("Παπαδόπουλος"), "papadopoulos");
  EXPECT_EQ(fold_to_ascii("王"), "wang");
}

TEST(IdentityFold, PunctuationIsKeptForTheCallerAndLeftoversDropped) {
  EXPECT_EQ(fold_to_ascii("N’Diaye"), "n'diaye");                       // typographic apostrophe
  EXPECT_EQ(fold_to_ascii("de\xC2\xA0La Fontaine"), "de la fontaine");  // no-break space
  EXPECT_EQ(fold_to_ascii("e\xCC\x81lise"), "elise");                   // decomposed accent
  EXPECT_EQ(fold_to_ascii("عبد"), "bd");               // the ʿ of the transliteration
  EXPECT_EQ(fold_to_ascii("\xF0\x9F\x98\x80x"), "x");  // emoji
  EXPECT_EQ(fold_to_ascii("\xFF\xFE"
                          "ab"),
            "ab");  // invalid UTF-8
  EXPECT_EQ(fold_to_ascii("DUPONT 2"), "dupont 2");
  EXPECT_EQ(fold_to_ascii(""), "");
}

TEST(IdentityFold, ConcurrentCallersGetTheSameResults) {
  const std::vector<std::string> names = {"Cœurdevey", "Иванов",     "Šťastný", "محمد",
                                          "Ngô",       "Ærøskøbing", "Dupont"};
  std::vector<std::string> expected;
  expected.reserve(names.size());
  for (const auto& name : names) expected.push_back(fold_to_ascii(name));
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (fold_to_ascii(names[i]) != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

TEST(IdentityFold, TableFastPathMatchesIcu) {
  // fold_to_ascii folds the Latin blocks through a table; ICU on the whole string must agree,
  // alone and next to upper- and lower-case letters (Latin-ASCII's only context rules).
  auto utf8 = [](char32_t c) {
    std::string out;
    if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
    return out;
  };
  std::vector<std::string> samples = {
      "Cœurdevey",      "Lætitia", "ÆRØSKØBING",    "Šťastný", "Nguyễn Thị Ánh",
      "Martin-Lefèvre", "N’Diaye", "e\xCC\x81lise", "ǄǅǆĲĳ",   "Þórunn"};
  for (auto [first, last] : {std::pair<char32_t, char32_t>{0x80, 0x24F},
                             {0x300, 0x36F},
                             {0x1E00, 0x1EFF},
                             {0x2000, 0x206F}}) {
    for (char32_t c = first; c <= last; ++c) {
      samples.push_back(utf8(c));
      std::string framed =
          "A";  // built by appends: GCC 12 -O3 warns (-Wrestrict, PR105651) on "A" + string
      framed += utf8(c);
      framed += "a";
      samples.push_back(std::move(framed));
      samples.push_back(utf8(c) + "a");
    }
  }
  std::size_t mismatches = 0;
  for (const auto& sample : samples) {
    if (fold_to_ascii(sample) != detail::fold_to_ascii_with_icu(sample)) {
      ADD_FAILURE() << sample << ": " << fold_to_ascii(sample) << " vs "
                    << detail::fold_to_ascii_with_icu(sample);
      if (++mismatches == 10) break;
    }
  }
}

// ---------------------------------------------------------------- login stems

std::string stem(LoginPolicy policy, std::string_view surname, std::string_view given) {
  const LoginResult result = login_stem(policy, surname, given);
  EXPECT_TRUE(result.ok()) << text::french(result.message);
  return result.login;
}

TEST(LoginPolicyNames, ParseAndPrint) {
  for (auto policy : {LoginPolicy::prenom_nom, LoginPolicy::prenom_nom19, LoginPolicy::pnom19,
                      LoginPolicy::pnom8, LoginPolicy::nomp8, LoginPolicy::nomprenom18}) {
    EXPECT_EQ(parse_login_policy(to_string(policy)), policy);
  }
  EXPECT_EQ(parse_login_policy("prenom.nom"), LoginPolicy::prenom_nom);
  EXPECT_EQ(parse_login_policy("nomp8"), kDefaultLoginPolicy);
  EXPECT_FALSE(parse_login_policy("NOMP8"));
  EXPECT_FALSE(parse_login_policy("prenom_nom"));
  EXPECT_FALSE(parse_login_policy(""));
  EXPECT_EQ(max_login_length(LoginPolicy::prenom_nom), 0u);
  EXPECT_EQ(max_login_length(LoginPolicy::nomp8), 8u);
  EXPECT_EQ(max_login_length(LoginPolicy::nomprenom18), 18u);
}

TEST(LoginStem, Nomp8) {
  EXPECT_EQ(stem(LoginPolicy::nomp8, "DUPONT", "Jean"), "dupontj");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "N'Diaye", "Aminata"), "n_diayea");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "de La Fontaine", "Jean-Baptiste"), "de_la_fj");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Martin-Lefèvre", "Chloé"), "martin-c");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Cœurdevey", "Lætitia"), "coeurdel");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Ærøskøbing", "Øyvind"), "aeroskoo");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Šťastný", "Jiří"), "stastnyj");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Ngô", "Bảo Anh"), "ngob");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Иванов", "Пётр"), "ivanovp");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "الهاشمي", "محمد"), "alhashmm");
}

TEST(LoginStem, PrenomNom) {
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "N'Diaye", "Aminata"), "aminata.n_diaye");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "de La Fontaine", "Jean-Baptiste Marie"),
            "jean-baptiste.de_la_fontaine");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "Cœurdevey", "Lætitia"), "laetitia.coeurdevey");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "Šťastný", "Jiří"), "jiri.stastny");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "Ngô", "Bảo Anh"), "bao.ngo");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "Иванов", "Пётр"), "petr.ivanov");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "Ærøskøbing", "Øyvind"), "oyvind.aeroskobing");
}

TEST(LoginStem, PrenomNom19) {
  EXPECT_EQ(stem(LoginPolicy::prenom_nom19, "de La Fontaine", "Jean-Baptiste"),
            "jean-baptiste.de_la");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom19, "Martin-Lefèvre", "Chloé"), "chloe.martin-lefevr");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom19, "N'Diaye", "Aminata"), "aminata.n_diaye");
  // An 18-letter given name leaves "marie-christophine." whose trailing dot is dropped.
  EXPECT_EQ(stem(LoginPolicy::prenom_nom19, "Durand", "Marie-Christophine"), "marie-christophine");
}

TEST(LoginStem, Pnom19AndPnom8) {
  EXPECT_EQ(stem(LoginPolicy::pnom19, "de La Fontaine", "Jean-Baptiste"), "jde_la_fontaine");
  EXPECT_EQ(stem(LoginPolicy::pnom19, "N'Diaye", "Aminata"), "an_diaye");
  EXPECT_EQ(stem(LoginPolicy::pnom19, "Ærøskøbing", "Øyvind"), "oaeroskobing");
  EXPECT_EQ(stem(LoginPolicy::pnom8, "de La Fontaine", "Jean-Baptiste"), "jde_la_f");
  EXPECT_EQ(stem(LoginPolicy::pnom8, "Cœurdevey", "Lætitia"), "lcoeurde");
  EXPECT_EQ(stem(LoginPolicy::pnom8, "Martin-Lefèvre", "Chloé"), "cmartin-");  // '-' stays
  EXPECT_EQ(stem(LoginPolicy::pnom8, "Dupont Moretti", "Éric"), "edupont");    // '_' stripped
  EXPECT_EQ(stem(LoginPolicy::pnom8, "Šťastný", "Jiří"), "jstastny");
}

TEST(LoginStem, Nomprenom18) {
  EXPECT_EQ(stem(LoginPolicy::nomprenom18, "Cœurdevey", "Lætitia"), "coeurdeveylaetitia");
  EXPECT_EQ(stem(LoginPolicy::nomprenom18, "de La Fontaine", "Jean-Baptiste"),
            "de_la_fontainejean");
  EXPECT_EQ(stem(LoginPolicy::nomprenom18, "Ngô", "Bảo Anh"), "ngobao");
  EXPECT_EQ(stem(LoginPolicy::nomprenom18, "Иванов", "Пётр"), "ivanovpetr");
}

TEST(LoginStem, CleaningRules) {
  // Runs of spaces collapse; surrounding spaces go; digits and other symbols are dropped.
  EXPECT_EQ(stem(LoginPolicy::pnom19, "  de  La   Fontaine ", " Jean "), "jde_la_fontaine");
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Dupont2", "Jean"), "dupontj");
  EXPECT_EQ(stem(LoginPolicy::prenom_nom, "O’Brien (épouse Martin)", "Anne"),
            "anne.o_brien_epouse_martin");
  // Nothing before the first letter: SambaEdu would refuse "'t Hooft" outright.
  EXPECT_EQ(stem(LoginPolicy::nomp8, "'t Hooft", "Gerard"), "t_hooftg");
  // Without a given name the policies that can still do without one do.
  EXPECT_EQ(stem(LoginPolicy::nomp8, "Dupont", ""), "dupont");
  EXPECT_EQ(stem(LoginPolicy::pnom8, "Dupont", ""), "dupont");
  // Every stem fits its policy.
  for (auto policy : {LoginPolicy::prenom_nom19, LoginPolicy::pnom19, LoginPolicy::pnom8,
                      LoginPolicy::nomp8, LoginPolicy::nomprenom18}) {
    EXPECT_LE(stem(policy, "Wolfeschlegelsteinhausenbergerdorff", "Maximilian").size(),
              max_login_length(policy));
  }
}

TEST(LoginStem, Errors) {
  LoginResult result = login_stem(LoginPolicy::nomp8, "1234", "Jean");
  EXPECT_EQ(result.error, LoginError::empty_name);
  EXPECT_TRUE(result.login.empty());
  EXPECT_NE(text::french(result.message).find("1234"), std::string::npos);
  EXPECT_EQ(login_stem(LoginPolicy::nomp8, "", "Jean").error, LoginError::empty_name);
  EXPECT_EQ(login_stem(LoginPolicy::nomp8, "\xF0\x9F\x98\x80", "Jean").error,
            LoginError::empty_name);
  result = login_stem(LoginPolicy::prenom_nom, "Dupont", "");
  EXPECT_EQ(result.error, LoginError::no_leading_letter);
  EXPECT_NE(text::french(result.message).find(".dupont"), std::string::npos);
  EXPECT_STREQ(to_code(LoginError::collisions_exhausted), "LOGIN_COLLISIONS_EXHAUSTED");
}

// ---------------------------------------------------------------- collisions and allocation

LoginTaken taken_from(const std::set<std::string, std::less<>>& held) {
  return [&held](std::string_view login) { return held.find(login) != held.end(); };
}

TEST(LoginCollision, CandidatesReplaceTheEndAndKeepTheLength) {
  std::vector<std::string> candidates;
  for (int counter = 1; counter <= 11; ++counter) {
    candidates.push_back(collision_candidate("dupontj", counter));
  }
  EXPECT_EQ(candidates, (std::vector<std::string>{"dupontj", "dupont2", "dupont3", "dupont4",
                                                  "dupont5", "dupont6", "dupont7", "dupont8",
                                                  "dupont9", "dupon10", "dupon11"}));
  EXPECT_EQ(collision_candidate("dupontj", 99), "dupon99");
  EXPECT_EQ(collision_candidate("jean.dupont", 2), "jean.dupon2");
  // Short stems: replaced too, but the first letter always stays.
  EXPECT_EQ(collision_candidate("li", 2), "l2");
  EXPECT_EQ(collision_candidate("li", 10), "l10");
  EXPECT_EQ(collision_candidate("a", 2), "a2");
  EXPECT_EQ(collision_candidate("ab", 10), "a10");
}

TEST(LoginAllocation, FreeStemIsTaken) {
  const std::set<std::string, std::less<>> held;
  EXPECT_EQ(allocate_login(LoginPolicy::nomp8, "Dupont", "Jean", taken_from(held)).login,
            "dupontj");
}

TEST(LoginAllocation, CollisionSequenceUpToTwoDigits) {
  std::set<std::string, std::less<>> held;
  std::vector<std::string> logins;
  for (int person = 0; person < 10; ++person) {
    const LoginResult result =
        allocate_login(LoginPolicy::nomp8, "DUPONT", "Jean", taken_from(held));
    ASSERT_TRUE(result.ok()) << text::french(result.message);
    logins.push_back(result.login);
    held.insert(result.login);  // recorded before the next allocation, as the store does
  }
  EXPECT_EQ(logins,
            (std::vector<std::string>{"dupontj", "dupont2", "dupont3", "dupont4", "dupont5",
                                      "dupont6", "dupont7", "dupont8", "dupont9", "dupon10"}));
}

// Hints change the cost, never the result: 120 homonyms (some logins already held, with gaps)
// get the same logins with and without them, and the 100th onwards fail the same way.
TEST(LoginAllocation, CollisionHintsGiveTheSameLoginsWithOneProbeEach) {
  std::set<std::string, std::less<>> plain = {"dupont3", "dupon17"};
  std::set<std::string, std::less<>> hinted = plain;
  CollisionHints hints;
  int probes = 0;
  const LoginTaken counting = [&](std::string_view login) {
    ++probes;
    return hinted.find(login) != hinted.end();
  };
  for (int person = 0; person < 120; ++person) {
    const auto expected = allocate_login(LoginPolicy::nomp8, "DUPONT", "Jean", taken_from(plain));
    const auto got = allocate_login(LoginPolicy::nomp8, "DUPONT", "Jean", counting, hints);
    ASSERT_EQ(got.login, expected.login) << person;
    ASSERT_EQ(got.ok(), expected.ok()) << person;
    if (!got.ok()) continue;
    plain.insert(expected.login);
    hinted.insert(got.login);
  }
  EXPECT_EQ(hinted.size(), 99u);  // dupontj..dupon99, counters 1 to 99
  EXPECT_LT(probes, 2 * 99);      // without hints: ~99 * 100 / 2
}

TEST(LoginAllocation, ReservedCandidatesAreSkipped) {
  // SambaEdu jumps from admse2 to admse4: admse3 is its own account.
  std::set<std::string, std::less<>> held = {"admsej", "admse2"};
  EXPECT_EQ(allocate_login(LoginPolicy::nomp8, "Admse", "Jean", taken_from(held)).login, "admse4");
  // Windows device names are never logins, even as collision candidates: com2..com9 all are.
  held = {"comj"};
  EXPECT_EQ(allocate_login(LoginPolicy::nomp8, "Com", "Jean", taken_from(held)).login, "co10");
  // A reserved stem goes straight to the first variant, without being asked about.
  held = {};
  std::vector<std::string> asked;
  const LoginTaken recording = [&asked](std::string_view login) {
    asked.emplace_back(login);
    return false;
  };
  EXPECT_EQ(allocate_login(LoginPolicy::nomp8, "Root", "", recording).login, "roo2");
  EXPECT_EQ(allocate_login(LoginPolicy::pnom8, "Prof", "", recording).login, "pro2");
  EXPECT_EQ(asked, (std::vector<std::string>{"roo2", "pro2"}));
}

TEST(LoginAllocation, DepartedAndReuseDelayedLoginsAreSkipped) {
  // The store answers "taken" for a login held by a departed account or still in its reuse
  // delay: the next candidate is used, not an error as in SambaEdu's Trash check.
  const std::set<std::string, std::less<>> held = {"martinc"};
  EXPECT_EQ(allocate_login(LoginPolicy::nomp8, "Martin", "Claire", taken_from(held)).login,
            "martin2");
}

TEST(LoginAllocation, ExhaustedCollisionsFailClearly) {
  int asked = 0;
  const LoginResult result =
      allocate_login(LoginPolicy::nomp8, "Dupont", "Jean", [&asked](std::string_view) {
        ++asked;
        return true;
      });
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.error, LoginError::collisions_exhausted);
  EXPECT_TRUE(result.login.empty());
  EXPECT_EQ(asked, 99);  // the stem and 2..99
  EXPECT_NE(text::french(result.message).find("dupontj"), std::string::npos);
  EXPECT_NE(text::french(result.message).find("dupon99"), std::string::npos);
}

TEST(LoginAllocation, StemErrorsPassThrough) {
  const std::set<std::string, std::less<>> held;
  EXPECT_EQ(allocate_login(LoginPolicy::nomp8, "---", "Jean", taken_from(held)).error,
            LoginError::empty_name);
}

TEST(LoginAllocation, CandidatesNeverExceedThePolicyLength) {
  int asked = 0;
  for (auto policy : {LoginPolicy::prenom_nom19, LoginPolicy::pnom19, LoginPolicy::pnom8,
                      LoginPolicy::nomp8, LoginPolicy::nomprenom18}) {
    allocate_login(policy, "Wolfeschlegelsteinhausenbergerdorff", "Maximilian",
                   [&](std::string_view login) {
                     ++asked;
                     EXPECT_LE(login.size(), max_login_length(policy)) << login;
                     return true;
                   });
  }
  EXPECT_EQ(asked, 5 * 99);
}

TEST(LoginAllocation, StoredLoginIsForever) {
  const std::set<std::string, std::less<>> held = {"dupontj"};
  // Name corrected since, policy changed, even a login reserved today: the stored one stays.
  EXPECT_EQ(assign_login(std::string("dupontj"), LoginPolicy::prenom_nom, "Durand", "Jeanne",
                         taken_from(held))
                .login,
            "dupontj");
  EXPECT_EQ(
      assign_login(std::string("prof"), LoginPolicy::nomp8, "Prof", "", taken_from(held)).login,
      "prof");
  // Only a key without a login gets one.
  EXPECT_EQ(
      assign_login(std::nullopt, LoginPolicy::nomp8, "Dupont", "Jean", taken_from(held)).login,
      "dupont2");
}

TEST(LoginReserved, ListAndMatching) {
  for (const char* name : {"prof",     "progs",    "docs",   "classes", "homes", "admhomes",
                           "netlogon", "profiles", "admse3", "root",    "admin", "administrateur",
                           "www-data", "nobody",   "ldap",   "samba",   "guest", "invite",
                           "con",      "prn",      "aux",    "nul",     "com1",  "com9",
                           "lpt1",     "lpt9"}) {
    EXPECT_TRUE(is_reserved_login(name)) << name;
  }
  EXPECT_TRUE(is_reserved_login("PROF"));
  EXPECT_TRUE(is_reserved_login("Con"));
  EXPECT_FALSE(is_reserved_login("con.txt"));  // exact names only
  EXPECT_FALSE(is_reserved_login("com0"));
  EXPECT_FALSE(is_reserved_login("com10"));
  EXPECT_FALSE(is_reserved_login("profe"));
  EXPECT_FALSE(is_reserved_login(""));
  EXPECT_FALSE(is_reserved_login("dupontj"));
  for (std::string_view name : reserved_logins()) {
    EXPECT_TRUE(std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    })) << name;
  }
}

// ---------------------------------------------------------------- number allocation

std::vector<std::uint32_t> take_all(NumberAllocator& allocator) {
  std::vector<std::uint32_t> numbers;
  while (const auto number = allocator.next()) numbers.push_back(*number);
  return numbers;
}

TEST(UidAllocator, SmallestFreeNumbersAroundHeldOnes) {
  NumberAllocator allocator(1001, 1010, {1007, 1002, 1001, 999, 5000, 1004, 1002});
  EXPECT_EQ(allocator.available(), 6u);
  EXPECT_EQ(take_all(allocator), (std::vector<std::uint32_t>{1003, 1005, 1006, 1008, 1009, 1010}));
  EXPECT_EQ(allocator.available(), 0u);
  EXPECT_FALSE(allocator.next());  // and stays exhausted
}

TEST(UidAllocator, Exhaustion) {
  NumberAllocator single(1001, 1001, {});
  EXPECT_EQ(single.next(), 1001u);
  EXPECT_FALSE(single.next());
  NumberAllocator full(1001, 1003, {1003, 1001, 1002});
  EXPECT_EQ(full.available(), 0u);
  EXPECT_FALSE(full.next());
}

TEST(UidAllocator, RangeAtTheTopOfUint32) {
  NumberAllocator allocator(4294967294u, 4294967295u, {});
  EXPECT_EQ(take_all(allocator), (std::vector<std::uint32_t>{4294967294u, 4294967295u}));
}

TEST(UidAllocator, EmptyRangeIsRefused) {
  EXPECT_THROW(NumberAllocator(5000, 4999, {}), std::invalid_argument);
}

TEST(UidAllocator, AcademyScaleRange) {
  // Every third number of [100000, 700000) is held (200 000 numbers, departed or present).
  std::vector<std::uint32_t> held;
  for (std::uint32_t n = 100000; n < 700000; n += 3) held.push_back(n);
  std::reverse(held.begin(), held.end());  // in any order
  const std::unordered_set<std::uint32_t> held_set(held.begin(), held.end());
  NumberAllocator allocator(100000, 2000000, held);
  ASSERT_EQ(allocator.available(), 1900001u - 200000u);

  std::uint32_t previous = 0;
  std::size_t bad = 0;
  for (int i = 0; i < 200000; ++i) {
    const auto number = allocator.next();
    ASSERT_TRUE(number);
    if (*number <= previous || held_set.count(*number) != 0 || *number > 2000000) ++bad;
    previous = *number;
  }
  EXPECT_EQ(bad, 0u);
  // Free offsets are 1, 2, 4, 5, ...: the 200 000th is 299 999.
  EXPECT_EQ(previous, 399999u);
  EXPECT_EQ(allocator.available(), 1900001u - 400000u);
  EXPECT_EQ(allocator.next(), 400000u + 1u);  // 400000 = 100000 + 300000 is held
}

// ---------------------------------------------------------------- randomness and passwords

// Bytes from a fixed script, repeated: deterministic randomness for the tests.
RandomBytes scripted(std::vector<std::uint8_t> script) {
  return [script = std::move(script),
          position = std::size_t{0}](std::span<std::uint8_t> buffer) mutable {
    for (auto& byte : buffer) byte = script[position++ % script.size()];
  };
}

TEST(PasswordRandom, PickerRejectsTheBiasedTail) {
  // 256 % 44 = 36: bytes 220..255 would favour the first 36 symbols, so they are drawn again.
  RandomPicker picker(scripted({220, 255, 0, 43, 44, 219, 250, 87}));
  EXPECT_EQ(picker.below(44), 0u);
  EXPECT_EQ(picker.below(44), 43u);
  EXPECT_EQ(picker.below(44), 0u);
  EXPECT_EQ(picker.below(44), 43u);
  EXPECT_EQ(picker.below(44), 43u);  // 250 rejected, then 87
  RandomPicker whole(scripted({255}));
  EXPECT_EQ(whole.below(256), 255u);
  EXPECT_THROW(whole.below(0), std::invalid_argument);
  EXPECT_THROW(whole.below(257), std::invalid_argument);
}

TEST(PasswordRandom, SystemSourceFills) {
  std::array<std::uint8_t, 64> buffer{};
  system_random_bytes(buffer);
  EXPECT_TRUE(std::any_of(buffer.begin(), buffer.end(), [](std::uint8_t b) { return b != 0; }));
}

TEST(PasswordPolicyNames, ParseAndPrint) {
  for (auto policy :
       {PasswordPolicy::random8, PasswordPolicy::semirandom6, PasswordPolicy::birthdate}) {
    EXPECT_EQ(parse_password_policy(to_string(policy)), policy);
  }
  EXPECT_EQ(parse_password_policy("random8"), kDefaultPasswordPolicy);
  EXPECT_FALSE(parse_password_policy("random"));
  EXPECT_TRUE(is_guessable(PasswordPolicy::birthdate));
  EXPECT_FALSE(is_guessable(PasswordPolicy::random8));
  EXPECT_FALSE(is_guessable(PasswordPolicy::semirandom6));
}

TEST(PasswordRandom8, AlphabetHasNoLookAlikes) {
  EXPECT_EQ(kRandom8Alphabet.size(), 44u);
  for (char c : std::string_view("0Oo1lIiQD")) {
    EXPECT_EQ(kRandom8Alphabet.find(c), std::string_view::npos) << c;
  }
  const std::set<char> unique(kRandom8Alphabet.begin(), kRandom8Alphabet.end());
  EXPECT_EQ(unique.size(), kRandom8Alphabet.size());
}

TEST(PasswordRandom8, LengthAlphabetAndUniquenessOverManyDraws) {
  // 10 000 draws among 44^8 (about 1.4e13) passwords: a repeat has a probability near 4e-6.
  std::unordered_set<std::string> seen;
  std::set<char> used;
  std::size_t bad = 0;
  for (int i = 0; i < 10000; ++i) {
    const InitialPassword password = initial_password(PasswordPolicy::random8, "2012-04-03");
    EXPECT_EQ(password.policy, PasswordPolicy::random8);
    if (password.value.size() != 8) ++bad;
    for (char c : password.value) {
      if (kRandom8Alphabet.find(c) == std::string_view::npos) ++bad;
      used.insert(c);
    }
    seen.insert(password.value);
  }
  EXPECT_EQ(bad, 0u);
  EXPECT_EQ(seen.size(), 10000u);
  EXPECT_EQ(used.size(), kRandom8Alphabet.size());  // ~1 800 draws per symbol: all appear
}

bool matches_semirandom_pattern(const std::string& password) {
  auto in = [](std::string_view set, char c) { return set.find(c) != std::string_view::npos; };
  return password.size() == 6 && in(kSemirandomConsonants, password[0]) &&
         in(kSemirandomVowels, password[1]) && in(kSemirandomConsonants, password[2]) &&
         in(kSemirandomVowels, password[3]) && in("0123456789", password[4]) &&
         in("0123456789", password[5]);
}

TEST(PasswordSemirandom6, Pattern) {
  std::size_t bad = 0;
  for (int i = 0; i < 2000; ++i) {
    const InitialPassword password = initial_password(PasswordPolicy::semirandom6, "");
    EXPECT_EQ(password.policy, PasswordPolicy::semirandom6);
    if (!matches_semirandom_pattern(password.value) ||
        is_rejected_syllables(password.value.substr(0, 4))) {
      ++bad;
    }
  }
  EXPECT_EQ(bad, 0u);
}

TEST(PasswordSemirandom6, RudeWordsAreDrawnAgain) {
  // Consonant indexes: b 18, t 2, z 0; vowel indexes: i 4, e 1, a 0. "bite" first, then "zaza".
  EXPECT_EQ(semirandom6_password(scripted({18, 4, 2, 1, 0, 0, 0, 0, 0, 7})), "zaza07");
  for (std::string_view word : rejected_syllables()) {
    EXPECT_TRUE(matches_semirandom_pattern(std::string(word) + "00")) << word;
  }
  EXPECT_TRUE(is_rejected_syllables("nazi"));
  EXPECT_FALSE(is_rejected_syllables("zaza"));
}

TEST(PasswordBirthdate, IsoDateBecomesEightDigits) {
  const InitialPassword password = initial_password(PasswordPolicy::birthdate, "2012-04-03");
  EXPECT_EQ(password.value, "20120403");
  EXPECT_EQ(password.policy, PasswordPolicy::birthdate);
  EXPECT_EQ(initial_password(PasswordPolicy::birthdate, "2008-02-29").value, "20080229");
}

TEST(PasswordBirthdate, UnknownDateFallsBackToRandom8) {
  for (const char* date : {"", "03/04/2012", "2012-02-30", "2012-4-3", "inconnue"}) {
    const InitialPassword password = initial_password(PasswordPolicy::birthdate, date);
    EXPECT_EQ(password.policy, PasswordPolicy::random8) << date;
    EXPECT_EQ(password.value.size(), 8u) << date;
    EXPECT_TRUE(std::all_of(password.value.begin(), password.value.end(), [](char c) {
      return kRandom8Alphabet.find(c) != std::string_view::npos;
    })) << password.value;
  }
}

}  // namespace
}  // namespace edusync::identity
