// The French text of `edusync ctl status` and `edusync ctl runs`: a full status, an empty one,
// a payload with fields missing or of the wrong type, and the plurals.
#include "service/status_text.hpp"

#include <gtest/gtest.h>

#include "service/control_schema_support.hpp"
#include "service/control_test_support.hpp"

namespace edusync::service {
namespace {

using nlohmann::json;

TEST(StatusText, FullStatus) {
  ASSERT_EQ(test::control_schema_problems(test::full_status()), "");
  EXPECT_EQ(status_text(test::full_status()),
            "Service edusync 0.9.0, en marche depuis 2 jours 3 heures\n"
            "État : passage en cours\n"
            "Passage en cours : 20261203T013000Z-1a2b, déclenché par : horaire nocturne\n"
            "  démarré le 2026-12-03T01:30:00Z\n"
            "  étape : application au connecteur sambaedu, 120 sur 450 éléments, connecteur : 40 % "
            "(400 sur 1000 opérations)\n"
            "Dernier passage : 20261202T013000Z-0f0f, partiel, terminé le "
            "2026-12-02T01:32:10+01:00\n"
            "  erreur : le connecteur koxo a échoué\n"
            "  changements : élèves : 3 ajouts, 1 modification ; responsables : 1 ajout, 2 départs "
            "; groupes : 2 ajouts ; appartenances : 5 ajouts, 1 retrait\n"
            "  rapport : /var/lib/edusync/reports/20261202T013000Z-0f0f\n"
            "Prochain passage programmé : 2026-12-04T02:30:00+01:00\n"
            "En file d'attente : 2 passages\n"
            "  nouveaux exports dans la boîte de dépôt (demandé le 2026-12-03T01:31:00Z)\n"
            "  edusync ctl resync, connecteur koxo, recalcul complet (demandé le "
            "2026-12-03T01:32:00Z)\n"
            "Passages retenus : 1\n"
            "  20261201T013000Z-beef : 14 % des élèves partiraient (seuil 10 %)\n"
            "    pour l'appliquer malgré tout : edusync ctl confirm 20261201T013000Z-beef\n"
            "Connecteurs : 3\n"
            "  sambaedu (ldap-sambaedu) : réussi (passage 20261202T013000Z-0f0f)\n"
            "  koxo (koxo) : échoué (passage 20261202T013000Z-0f0f) : écriture impossible\n"
            "  pix (pix) : pas encore appliqué\n");
}

TEST(StatusText, EmptyStatus) {
  ASSERT_EQ(test::control_schema_problems(test::empty_status()), "");
  EXPECT_EQ(status_text(test::empty_status()),
            "Service edusync 0.9.0, en marche depuis 0 seconde\n"
            "État : en attente\n"
            "Passage en cours : aucun\n"
            "Dernier passage : aucun\n"
            "Prochain passage programmé : aucun\n"
            "En file d'attente : rien\n"
            "Passages retenus : aucun\n"
            "Connecteurs : aucun\n");
}

TEST(StatusText, AStartingRunAPausedServiceAndARunWithoutReport) {
  auto status = test::empty_status();
  status["state"] = "paused";
  status["run"] = {{"id", nullptr},
                   {"trigger", "confirm"},
                   {"stage", "reading"},
                   {"progress", {{"done", 1}, {"total", nullptr}}},
                   {"started", "2026-12-03T01:30:00Z"}};
  status["last_run"] = {{"id", "20261202T013000Z-0f0f"},
                        {"status", "refused"},
                        {"finished", "2026-12-02T01:30:01Z"},
                        {"changes", nullptr},
                        {"report", nullptr},
                        {"error", "un autre passage tient l'état"}};
  status["queued"] = {{{"trigger", "confirm"},
                       {"requested", "2026-12-03T01:29:00Z"},
                       {"run", "20261201T013000Z-beef"}}};
  status["uptime_seconds"] = 3661;
  ASSERT_EQ(test::control_schema_problems(status), "");
  EXPECT_EQ(status_text(status),
            "Service edusync 0.9.0, en marche depuis 1 heure 1 minute\n"
            "État : en pause (aucun passage ne démarre ; edusync ctl resume pour reprendre)\n"
            "Passage en cours : (identifiant pas encore attribué), déclenché par : edusync ctl "
            "confirm\n"
            "  démarré le 2026-12-03T01:30:00Z\n"
            "  étape : lecture des exports, 1 élément traité\n"
            "Dernier passage : 20261202T013000Z-0f0f, refusé, terminé le "
            "2026-12-02T01:30:01Z\n"
            "  erreur : un autre passage tient l'état\n"
            "Prochain passage programmé : aucun\n"
            "En file d'attente : 1 passage\n"
            "  edusync ctl confirm 20261201T013000Z-beef (demandé le 2026-12-03T01:29:00Z)\n"
            "Passages retenus : aucun\n"
            "Connecteurs : aucun\n");
}

TEST(StatusText, FieldsMissingOrOfAnotherTypeAreLeftOut) {
  const json odd = {{"ok", true},     {"state", 3},
                    {"run", "oui"},   {"queued", 4},
                    {"held", {1, 2}}, {"connectors", json::array({"x"})},
                    {"version", 0.9}, {"uptime_seconds", "long"}};
  const auto text = status_text(odd);
  EXPECT_TRUE(text.starts_with("Service edusync\nÉtat : \nPassage en cours : aucun\n")) << text;
  EXPECT_EQ(status_text(json()), status_text(json::object()));
  EXPECT_EQ(runs_text(json::array()), "Aucun passage enregistré.\n");
}

TEST(StatusText, Runs) {
  const auto runs =
      ok_response({{"runs",
                    {{{"id", "20261203T013000Z-1a2b"},
                      {"trigger", "schedule"},
                      {"status", "running"},
                      {"started", "2026-12-03T01:30:00Z"},
                      {"finished", nullptr},
                      {"report", nullptr}},
                     {{"id", "20261202T013000Z-0f0f"},
                      {"trigger", nullptr},
                      {"status", "held"},
                      {"started", "2026-12-02T01:30:00Z"},
                      {"finished", "2026-12-02T01:31:00Z"},
                      {"report", "/var/lib/edusync/reports/20261202T013000Z-0f0f"}}}}});
  ASSERT_EQ(test::control_schema_problems(runs), "");
  EXPECT_EQ(runs_text(runs),
            "2 passages récents, du plus récent au plus ancien :\n"
            "  20261203T013000Z-1a2b  en cours  (horaire nocturne)  début 2026-12-03T01:30:00Z\n"
            "  20261202T013000Z-0f0f  retenu  début 2026-12-02T01:30:00Z  fin "
            "2026-12-02T01:31:00Z  rapport /var/lib/edusync/reports/20261202T013000Z-0f0f\n");
  const auto none = ok_response({{"runs", json::array()}});
  ASSERT_EQ(test::control_schema_problems(none), "");
  EXPECT_EQ(runs_text(none), "Aucun passage enregistré.\n");
}

// The same answer in English: no French word of the status is left, the values stay as sent.
TEST(StatusText, EnglishWhenAsked) {
  const auto text = status_text(test::full_status(), "en");
  const std::string current_run =
      "Current run: 20261203T013000Z-1a2b, triggered by: nightly schedule\n";
  for (const char* said :
       {"edusync service ", "State: ", current_run.c_str(), "Next scheduled run: ", "Queued: "})
    EXPECT_NE(text.find(said), std::string::npos) << said << " in\n" << text;
  for (const char* french : {"Passage en cours", "État :", "déclenché par", "Prochain passage",
                             "En file d'attente", "Connecteurs :"})
    EXPECT_EQ(text.find(french), std::string::npos) << french << " in\n" << text;
  EXPECT_EQ(runs_text(ok_response({{"runs", json::array()}}), "en"), "No run recorded.\n");
  EXPECT_EQ(duration_text(61, "en"), "1 minute 1 second");
  EXPECT_EQ(duration_text(0, "en"), "0 seconds");
  EXPECT_EQ(stage_text("applying", "sambaedu", "en"), "applying to connector sambaedu");
}

TEST(StatusText, PluralsAndDurations) {
  EXPECT_EQ(count_of(0, "ajout", "ajouts"), "0 ajout");
  EXPECT_EQ(count_of(1, "ajout", "ajouts"), "1 ajout");
  EXPECT_EQ(count_of(2, "ajout", "ajouts"), "2 ajouts");
  EXPECT_EQ(duration_text(-5), "0 seconde");
  EXPECT_EQ(duration_text(1), "1 seconde");
  EXPECT_EQ(duration_text(59), "59 secondes");
  EXPECT_EQ(duration_text(61), "1 minute 1 seconde");
  EXPECT_EQ(duration_text(7200), "2 heures");
  EXPECT_EQ(duration_text(86400 + 300), "1 jour");  // the hour between is 0: stop there
  EXPECT_EQ(duration_text(3 * 86400 + 7200 + 59), "3 jours 2 heures");
}

}  // namespace
}  // namespace edusync::service
