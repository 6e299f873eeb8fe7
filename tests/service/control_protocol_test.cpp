// The control protocol: every command parsed with its fields, every malformed line refused with
// a French message (never an exception), and the lines it builds valid against the schema.
#include "service/control_protocol.hpp"

#include <gtest/gtest.h>

#include <string>

#include "service/control_schema_support.hpp"

namespace edusync::service {
namespace {

using nlohmann::json;

Request parsed(const std::string& line) {
  const auto result = parse_request(line);
  EXPECT_TRUE(result.request) << line << " -> " << result.error;
  return result.request.value_or(Request{});
}

std::string refusal(const std::string& line) {
  const auto result = parse_request(line);
  EXPECT_FALSE(result.request) << line;
  EXPECT_TRUE(result.error.starts_with("requête refusée : ")) << result.error;
  return result.error;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ControlProtocol, CommandsWithoutFields) {
  EXPECT_EQ(parsed(R"({"command":"status"})").command, Command::status);
  EXPECT_EQ(parsed(R"({"command":"reload"})").command, Command::reload);
  EXPECT_EQ(parsed(R"({"command":"pause"})").command, Command::pause);
  EXPECT_EQ(parsed(R"({"command":"resume"})").command, Command::resume);
  EXPECT_EQ(parsed(" {\"command\" : \"stop\"} \r").command, Command::stop);
}

TEST(ControlProtocol, RunsCountDefaultsAndBounds) {
  EXPECT_EQ(parsed(R"({"command":"runs"})").count, kDefaultRunsCount);
  EXPECT_EQ(parsed(R"({"command":"runs","count":1})").count, 1);
  EXPECT_EQ(parsed(R"({"command":"runs","count":1000})").count, 1000);
  for (const auto* bad :
       {"0", "1001", "-3", "2.5", "\"5\"", "true", "null", "18446744073709551615"})
    EXPECT_TRUE(contains(refusal(std::string(R"({"command":"runs","count":)") + bad + "}"),
                         "« count » doit être un entier de 1 à 1000"))
        << bad;
}

TEST(ControlProtocol, ResyncOptions) {
  auto request = parsed(R"({"command":"resync"})");
  EXPECT_EQ(request.command, Command::resync);
  EXPECT_FALSE(request.recompute);
  EXPECT_FALSE(request.only);
  request = parsed(R"({"command":"resync","recompute":true,"only":"sambaedu-2"})");
  EXPECT_TRUE(request.recompute);
  EXPECT_EQ(request.only, "sambaedu-2");
  EXPECT_TRUE(contains(refusal(R"({"command":"resync","recompute":1})"), "« recompute »"));
  for (const auto* bad : {"\"\"", "\"SambaEdu\"", "\"a b\"", "3", "null"})
    EXPECT_TRUE(contains(refusal(std::string(R"({"command":"resync","only":)") + bad + "}"),
                         "« only » doit être un nom de connecteur"))
        << bad;
  EXPECT_TRUE(contains(refusal(R"({"command":"resync","only":")" + std::string(65, 'a') + "\"}"),
                       "« only »"));
}

TEST(ControlProtocol, ConfirmNeedsARunId) {
  EXPECT_EQ(parsed(R"({"command":"confirm","run":"20261203T013000Z-1a2b"})").run,
            "20261203T013000Z-1a2b");
  EXPECT_TRUE(contains(refusal(R"({"command":"confirm"})"), "demande le champ « run »"));
  for (const auto* bad : {"\"20261203T013000Z-1A2B\"", "\"20261203T013000Z-1a2\"",
                          "\"2026120xT013000Z-1a2b\"", "\"../../etc\"", "42"})
    EXPECT_TRUE(contains(refusal(std::string(R"({"command":"confirm","run":)") + bad + "}"),
                         "« run » doit être un identifiant de passage"))
        << bad;
}

TEST(ControlProtocol, MalformedLinesAreRefusedInFrench) {
  EXPECT_TRUE(contains(refusal(""), "ligne vide"));
  EXPECT_TRUE(contains(refusal("  \t"), "ligne vide"));
  EXPECT_TRUE(contains(refusal("status"), "ce n'est pas du JSON valide (erreur à l'octet 1)"));
  EXPECT_TRUE(contains(refusal(R"({"command":"status")"), "ce n'est pas du JSON valide"));
  EXPECT_TRUE(contains(refusal(R"({"command":"status"} {})"), "ce n'est pas du JSON valide"));
  EXPECT_TRUE(contains(refusal("{\"command\":\"st\xff\"}"), "ce n'est pas du JSON valide"));
  EXPECT_TRUE(contains(refusal(R"(["status"])"), "un objet JSON était attendu"));
  EXPECT_TRUE(contains(refusal("42"), "un objet JSON était attendu"));
  EXPECT_TRUE(contains(refusal("{}"), "le champ « command » manque"));
  EXPECT_TRUE(contains(refusal(R"({"command":3})"), "« command » doit être une chaîne"));
  EXPECT_EQ(refusal(R"({"command":"restart"})"),
            "requête refusée : commande inconnue « restart » ; commandes possibles : status, runs, "
            "resync, confirm, reload, pause, resume, stop");
  EXPECT_EQ(refusal(R"({"command":"status","verbose":true})"),
            "requête refusée : champ inconnu « verbose » pour la commande « status » (elle n'en "
            "prend aucun autre)");
  EXPECT_TRUE(contains(refusal(R"({"command":"runs","only":"x"})"), "champs possibles : count"));
  EXPECT_TRUE(contains(refusal(R"({"command":"confirm","run":"20261203T013000Z-1a2b","x":1})"),
                       "champ inconnu « x »"));
}

TEST(ControlProtocol, LongTextIsQuotedShort) {
  const auto error = refusal(R"({"command":")" + std::string(5000, 'x') + "\"}");
  EXPECT_LT(error.size(), 300u);
  EXPECT_TRUE(contains(error, std::string(64, 'x') + "…"));
}

TEST(ControlProtocol, LineLengthIsBounded) {
  const std::string padding(kMaxRequestLine - std::string(R"({"command":"status"})").size(), ' ');
  EXPECT_EQ(parsed(R"({"command":"status"})" + padding).command, Command::status);
  EXPECT_TRUE(contains(refusal(R"({"command":"status"})" + padding + " "),
                       "ligne trop longue (plus de 65536 octets)"));
}

TEST(ControlProtocol, DeepNestingIsRefusedWithoutCrashing) {
  const std::string deep = std::string(30000, '[') + std::string(30000, ']');
  EXPECT_TRUE(contains(refusal(deep), "un objet JSON était attendu"));
  EXPECT_TRUE(contains(refusal(std::string(60000, '[')), "ce n'est pas du JSON valide"));
}

TEST(ControlProtocol, RequestJsonReadsBack) {
  Request runs;
  runs.command = Command::runs;
  runs.count = 3;
  Request resync;
  resync.command = Command::resync;
  resync.recompute = true;
  resync.only = "koxo";
  Request confirm;
  confirm.command = Command::confirm;
  confirm.run = "20261203T013000Z-00ff";
  Request stop;
  stop.command = Command::stop;
  for (const auto& request : {runs, resync, confirm, stop, Request{}}) {
    const auto line = request_json(request);
    EXPECT_EQ(test::control_schema_problems(line), "") << line.dump();
    const auto back = parsed(line.dump());
    EXPECT_EQ(back.command, request.command);
    EXPECT_EQ(back.count, request.count);
    EXPECT_EQ(back.recompute, request.recompute);
    EXPECT_EQ(back.only, request.only);
    EXPECT_EQ(back.run, request.run);
  }
  EXPECT_EQ(request_json(Request{}).dump(), R"({"command":"status"})");
}

TEST(ControlProtocol, ResponsesAndLines) {
  EXPECT_EQ(to_line(ok_response()), "{\"ok\":true}\n");
  EXPECT_EQ(to_line(ok_response({{"message", "mise en pause"}, {"ok", false}})),
            "{\"message\":\"mise en pause\",\"ok\":true}\n");
  EXPECT_EQ(to_line(error_response("non")), "{\"error\":\"non\",\"ok\":false}\n");
  // A cut character in a quoted client text is mended, not thrown about.
  EXPECT_EQ(to_line(error_response("\xc3")), "{\"error\":\"\xef\xbf\xbd\",\"ok\":false}\n");
  EXPECT_EQ(test::control_schema_problems(ok_response({{"message", "mise en pause"}})), "");
  EXPECT_EQ(test::control_schema_problems(error_response(refusal("{}"))), "");
  EXPECT_NE(test::control_schema_problems(error_response("")), "");
  EXPECT_NE(test::control_schema_problems(json{{"ok", true}, {"surprise", 1}}), "");
}

}  // namespace
}  // namespace edusync::service
