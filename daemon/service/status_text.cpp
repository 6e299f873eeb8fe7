#include "service/status_text.hpp"

#include <array>
#include <optional>
#include <tuple>
#include <utility>

namespace edusync::service {
namespace {

using nlohmann::json;

// A member as text or as a count; empty / nullopt when absent or of another type.
std::string text_of(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<long long> count_in(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<long long>();
}

const json& member(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

std::string label(const std::string& word,
                  std::initializer_list<std::pair<const char*, const char*>> labels) {
  for (const auto& [key, text] : labels)
    if (word == key) return text;
  return word;
}

std::string state_label(const std::string& state) {
  return label(state, {{"idle", "en attente"},
                       {"running", "passage en cours"},
                       {"paused",
                        "en pause (aucun passage ne démarre ; edusync ctl resume pour "
                        "reprendre)"},
                       {"held", "passage retenu, en attente de confirmation"}});
}

std::string trigger_label(const std::string& trigger) {
  return label(trigger, {{"schedule", "horaire nocturne"},
                         {"inbox", "nouveaux exports dans la boîte de dépôt"},
                         {"resync", "edusync ctl resync"},
                         {"confirm", "edusync ctl confirm"},
                         {"startup", "rattrapage au démarrage"},
                         {"command", "edusync run"}});
}

std::string status_label(const std::string& status) {
  return label(status, {{"ok", "réussi"},
                        {"held", "retenu"},
                        {"failed", "échoué"},
                        {"partial", "partiel"},
                        {"refused", "refusé"},
                        {"running", "en cours"}});
}

std::string stage_label(const json& run) {
  return stage_text(text_of(run, "stage"), text_of(run, "connector"));
}

std::string progress_text(const json& progress) {
  const auto done = count_in(progress, "done");
  if (!done) return {};
  const auto total = count_in(progress, "total");
  if (!total) return count_of(*done, "élément traité", "éléments traités");
  return std::to_string(*done) + " sur " + count_of(*total, "élément", "éléments");
}

// "40 % (400 sur 1000 opérations)": how far the connector being applied is, when it tells.
std::string connector_progress_text(const json& progress) {
  const auto done = count_in(progress, "done");
  const auto total = count_in(progress, "total");
  if (!done || !total || *total <= 0) return {};
  return std::to_string(*done * 100 / *total) + " % (" + std::to_string(*done) + " sur " +
         count_of(*total, "opération", "opérations") + ")";
}

void append_current_run(const json& run, std::string& out) {
  if (!run.is_object()) {
    out += "Passage en cours : aucun\n";
    return;
  }
  const auto id = text_of(run, "id");
  out +=
      "Passage en cours : " + (id.empty() ? std::string("(identifiant pas encore attribué)") : id);
  if (const auto trigger = text_of(run, "trigger"); !trigger.empty())
    out += ", déclenché par : " + trigger_label(trigger);
  out += "\n";
  if (const auto started = text_of(run, "started"); !started.empty())
    out += "  démarré le " + started + "\n";
  out += "  étape : " + stage_label(run);
  if (const auto progress = progress_text(member(run, "progress")); !progress.empty())
    out += ", " + progress;
  if (const auto own = connector_progress_text(member(run, "connector_progress")); !own.empty())
    out += ", connecteur : " + own;
  out += "\n";
}

// "élèves : 3 ajouts, 1 modification" for one population of the report's changes.
std::string population_changes(const json& counts) {
  static constexpr std::array<std::array<const char*, 3>, 6> kKinds{{
      {"added", "ajout", "ajouts"},
      {"updated", "modification", "modifications"},
      {"departed", "départ", "départs"},
      {"returned", "retour", "retours"},
      {"renamed", "renommage", "renommages"},
      {"removed", "suppression", "suppressions"},
  }};
  std::string text;
  for (const auto& [key, singular, plural] : kKinds) {
    const auto count = count_in(counts, key);
    if (!count || *count == 0) continue;
    if (!text.empty()) text += ", ";
    text += count_of(*count, singular, plural);
  }
  return text;
}

std::string changes_text(const json& changes) {
  static constexpr std::array<std::pair<const char*, const char*>, 5> kPopulations{{
      {"pupils", "élèves"},
      {"guardians", "responsables"},
      {"staff", "personnels"},
      {"divisions", "divisions"},
      {"groups", "groupes"},
  }};
  std::string text;
  for (const auto& [key, name] : kPopulations) {
    const auto part = population_changes(member(changes, key));
    if (!part.empty()) text += std::string(text.empty() ? "" : " ; ") + name + " : " + part;
  }
  const auto& memberships = member(changes, "memberships");
  const auto added = count_in(memberships, "added").value_or(0);
  const auto removed = count_in(memberships, "removed").value_or(0);
  if (added + removed > 0) {
    text += std::string(text.empty() ? "" : " ; ") +
            "appartenances : " + count_of(added, "ajout", "ajouts") + ", " +
            count_of(removed, "retrait", "retraits");
  }
  return text.empty() ? "aucun" : text;
}

void append_last_run(const json& run, std::string& out) {
  if (!run.is_object()) {
    out += "Dernier passage : aucun\n";
    return;
  }
  out += "Dernier passage : " + text_of(run, "id") + ", " + status_label(text_of(run, "status"));
  if (const auto finished = text_of(run, "finished"); !finished.empty())
    out += ", terminé le " + finished;
  out += "\n";
  if (const auto error = text_of(run, "error"); !error.empty()) out += "  erreur : " + error + "\n";
  if (member(run, "changes").is_object())
    out += "  changements : " + changes_text(member(run, "changes")) + "\n";
  if (const auto report = text_of(run, "report"); !report.empty())
    out += "  rapport : " + report + "\n";
}

std::string queued_entry(const json& queued) {
  std::string text = trigger_label(text_of(queued, "trigger"));
  if (const auto run = text_of(queued, "run"); !run.empty()) text += " " + run;
  if (const auto only = text_of(queued, "only"); !only.empty()) text += ", connecteur " + only;
  if (member(queued, "recompute").is_boolean() && member(queued, "recompute").get<bool>())
    text += ", recalcul complet";
  if (const auto requested = text_of(queued, "requested"); !requested.empty())
    text += " (demandé le " + requested + ")";
  return text;
}

void append_queued(const json& queued, std::string& out) {
  if (!queued.is_array() || queued.empty()) {
    out += "En file d'attente : rien\n";
    return;
  }
  out += "En file d'attente : " +
         count_of(static_cast<long long>(queued.size()), "passage", "passages") + "\n";
  for (const auto& entry : queued) out += "  " + queued_entry(entry) + "\n";
}

void append_held(const json& held, std::string& out) {
  if (!held.is_array() || held.empty()) {
    out += "Passages retenus : aucun\n";
    return;
  }
  out += "Passages retenus : " + std::to_string(held.size()) + "\n";
  for (const auto& run : held) {
    const auto id = text_of(run, "id");
    out += "  " + id + " : " + text_of(run, "reason") + "\n";
    out += "    pour l'appliquer malgré tout : edusync ctl confirm " + id + "\n";
  }
}

std::string connector_line(const json& connector) {
  std::string text = text_of(connector, "name");
  if (const auto type = text_of(connector, "type"); !type.empty()) text += " (" + type + ")";
  const auto status = text_of(connector, "last_status");
  if (status.empty()) return text + " : pas encore appliqué";
  text +=
      " : " + label(status, {{"ok", "réussi"}, {"failed", "échoué"}, {"skipped", "non appliqué"}});
  if (const auto run = text_of(connector, "last_run"); !run.empty())
    text += " (passage " + run + ")";
  if (const auto error = text_of(connector, "error"); !error.empty()) text += " : " + error;
  return text;
}

void append_connectors(const json& connectors, std::string& out) {
  if (!connectors.is_array() || connectors.empty()) {
    out += "Connecteurs : aucun\n";
    return;
  }
  out += "Connecteurs : " + std::to_string(connectors.size()) + "\n";
  for (const auto& connector : connectors) out += "  " + connector_line(connector) + "\n";
}

std::string run_line(const json& run) {
  std::string text = text_of(run, "id") + "  " + status_label(text_of(run, "status"));
  if (const auto trigger = text_of(run, "trigger"); !trigger.empty())
    text += "  (" + trigger_label(trigger) + ")";
  if (const auto started = text_of(run, "started"); !started.empty()) text += "  début " + started;
  if (const auto finished = text_of(run, "finished"); !finished.empty())
    text += "  fin " + finished;
  if (const auto report = text_of(run, "report"); !report.empty()) text += "  rapport " + report;
  return text;
}

}  // namespace

std::string stage_text(const std::string& stage, const std::string& connector) {
  if (stage == "applying") {
    return connector.empty() ? "application aux connecteurs"
                             : "application au connecteur " + connector;
  }
  return label(stage, {{"inbox", "boîte de dépôt (attente des fichiers, lecture des en-têtes)"},
                       {"reading", "lecture des exports"},
                       {"identities", "identités (identifiants, uid, mots de passe)"},
                       {"planning", "calcul des changements et contrôles de sécurité"},
                       {"storing", "enregistrement de l'état"},
                       {"reporting", "écriture du rapport"}});
}

std::string count_of(long long count, const std::string& singular, const std::string& plural) {
  return std::to_string(count) + " " + (count >= 2 || count <= -2 ? plural : singular);
}

std::string duration_text(long long seconds) {
  static constexpr std::array<std::tuple<long long, const char*, const char*>, 4> kUnits{{
      {86400, "jour", "jours"},
      {3600, "heure", "heures"},
      {60, "minute", "minutes"},
      {1, "seconde", "secondes"},
  }};
  if (seconds <= 0) return "0 seconde";
  std::string text;
  int shown = 0;
  for (const auto& [size, singular, plural] : kUnits) {
    const auto amount = seconds / size;
    seconds %= size;
    if (amount == 0) {
      if (shown > 0) break;  // "2 jours 5 minutes" would skip the hours: stop at the gap
      continue;
    }
    if (!text.empty()) text += ' ';
    text += count_of(amount, singular, plural);
    if (++shown == 2) break;
  }
  return text;
}

std::string status_text(const json& status) {
  std::string out = "Service edusync";
  if (const auto version = text_of(status, "version"); !version.empty()) out += " " + version;
  if (const auto uptime = count_in(status, "uptime_seconds"))
    out += ", en marche depuis " + duration_text(*uptime);
  out += "\n";
  out += "État : " + state_label(text_of(status, "state")) + "\n";
  append_current_run(member(status, "run"), out);
  append_last_run(member(status, "last_run"), out);
  const auto next = text_of(status, "next_scheduled");
  out += "Prochain passage programmé : " + (next.empty() ? std::string("aucun") : next) + "\n";
  append_queued(member(status, "queued"), out);
  append_held(member(status, "held"), out);
  append_connectors(member(status, "connectors"), out);
  return out;
}

std::string runs_text(const json& runs) {
  const auto& list = member(runs, "runs");
  if (!list.is_array() || list.empty()) return "Aucun passage enregistré.\n";
  std::string out =
      count_of(static_cast<long long>(list.size()), "passage récent", "passages récents") +
      ", du plus récent au plus ancien :\n";
  for (const auto& run : list) out += "  " + run_line(run) + "\n";
  return out;
}

}  // namespace edusync::service
