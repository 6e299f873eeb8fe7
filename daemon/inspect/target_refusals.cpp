#include "inspect/target_refusals.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

#include "model/acceptance.hpp"

namespace edusync::inspect {
namespace {

namespace acceptance = model::acceptance;
using Refusal = std::optional<acceptance::Refusal>;

constexpr std::size_t kNamesPerRule = 5;

class Collector {
 public:
  Collector(std::string type, std::string label) {
    target_.type = std::move(type);
    target_.label = std::move(label);
  }
  void add(const Refusal& refusal, const std::string& key, const text::Message& name) {
    if (!refusal) return;
    auto [found, inserted] = by_code_.try_emplace(refusal->code);
    if (inserted) found->second.reason = refusal->reason;
    found->second.keys.push_back(key);
    found->second.names.push_back(name);
  }
  TargetRefusals done() {
    for (auto& [code, rule] : by_code_) {
      rule.code = code;
      target_.records += rule.keys.size();
      target_.rules.push_back(std::move(rule));
    }
    return std::move(target_);
  }

 private:
  TargetRefusals target_;
  std::map<std::string, RuleRefusals> by_code_;
};

text::Message pupil_name(const model::Pupil& p, const std::string& division) {
  const std::string id = p.elenoet.empty() ? p.key : p.elenoet;
  const std::string name = p.surname + " " + p.given_name;
  if (division.empty())
    return text::message("inspect.refused_pupil", {text::arg("name", name), text::arg("id", id)});
  return text::message("inspect.refused_pupil_in", {text::arg("name", name), text::arg("id", id),
                                                    text::arg("division", division)});
}

text::Message staff_name(const model::Staff& s) {
  return text::message("inspect.refused_staff", {text::arg("name", s.surname + " " + s.given_name),
                                                 text::arg("id", s.sts_id)});
}

text::Message guardian_name(const model::Contact& c) {
  return text::message(
      "inspect.refused_guardian",
      {text::arg("name", c.surname + " " + c.given_name), text::arg("id", c.personne_id)});
}

struct Children {
  std::size_t current = 0;  // legal links to current pupils
  std::size_t in_ent = 0;   // of which the ENT takes the pupil
};

Children children_of(const model::Contact& c,
                     const std::unordered_map<std::string, std::string>& divisions,
                     const std::unordered_set<std::string>& refused_by_ent) {
  Children children;
  for (const auto& link : c.pupils) {
    if (link.responsibility != model::Responsibility::legal || !divisions.contains(link.pupil_key))
      continue;
    ++children.current;
    if (!refused_by_ent.contains(link.pupil_key)) ++children.in_ent;
  }
  return children;
}

}  // namespace

std::vector<TargetRefusals> target_refusals(const model::Directory& d) {
  std::unordered_map<std::string, std::string> divisions;  // current pupils' division by key
  for (const auto& p : d.pupils) {
    if (p.departed_on.empty()) divisions.try_emplace(p.key);
  }
  for (const auto& m : d.memberships) {
    if (m.structure_kind != model::StructureKind::division) continue;
    const auto found = divisions.find(m.pupil_key);
    if (found != divisions.end()) found->second = m.structure_code;
  }
  const acceptance::SharedInes shared(d.pupils);
  std::unordered_set<std::string> refused_by_ent;
  Collector koxo("koxo-csv", "KOXO"), ent("ent-csv", "L'ENT"), pix("pix-orga", "Pix Orga"),
      pix_csv("pix-orga", "Pix Orga (format csv)"), elea("elea-csv", "Éléa");
  for (const auto& p : d.pupils) {
    if (!p.departed_on.empty()) continue;
    const std::string& division = divisions[p.key];
    const text::Message name = pupil_name(p, division);
    koxo.add(
        acceptance::koxo_refusal(!p.elenoet.empty(), p.surname, p.given_name, division.empty()),
        p.key, name);
    const auto ent_refusal = acceptance::ent_pupil_refusal(p, division);
    if (ent_refusal) refused_by_ent.insert(p.key);
    ent.add(ent_refusal, p.key, name);
    pix.add(acceptance::pix_refusal(p, division, acceptance::PixFormat::siecle, shared), p.key,
            name);
    pix_csv.add(acceptance::pix_refusal(p, division, acceptance::PixFormat::csv, shared), p.key,
                name);
    elea.add(acceptance::elea_name_refusal(p.surname, p.given_name), p.key, name);
  }
  for (const auto& s : d.staff) {
    if (!s.departed_on.empty()) continue;
    const text::Message name = staff_name(s);
    koxo.add(acceptance::koxo_refusal(!s.sts_id.empty(), s.surname, s.given_name, false), s.key,
             name);
    ent.add(acceptance::ent_person_refusal(s.surname, s.given_name), s.key, name);
    elea.add(acceptance::elea_name_refusal(s.surname, s.given_name), s.key, name);
  }
  // As the ENT target: a parent is linked through his children in the pupils' file.
  for (const auto& g : d.guardians) {
    const auto children = children_of(g, divisions, refused_by_ent);
    if (!g.departed_on.empty() || children.current == 0) continue;
    ent.add(acceptance::ent_guardian_refusal(g, children.in_ent > 0), g.key, guardian_name(g));
  }
  return {koxo.done(), ent.done(), pix.done(), pix_csv.done(), elea.done()};
}

nlohmann::ordered_json refusals_json(const std::vector<TargetRefusals>& refusals,
                                     std::string_view language) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& target : refusals) {
    auto rules = nlohmann::ordered_json::array();
    for (const auto& rule : target.rules) {
      rules.push_back({{"code", rule.code},
                       {"reason", text::render(rule.reason, language)},
                       {"count", rule.keys.size()},
                       {"keys", rule.keys}});
    }
    array.push_back({{"type", target.type},
                     {"label", target.label},
                     {"records", target.records},
                     {"rules", std::move(rules)}});
  }
  return array;
}

void print_refusals(const std::vector<TargetRefusals>& refusals, std::string_view language,
                    std::ostream& out) {
  const auto say = [&](const char* id, std::vector<text::Arg> args = {}) {
    return text::render(text::message(id, std::move(args)), language);
  };
  out << "\n" << say("inspect.refusals_heading") << "\n";
  for (const auto& target : refusals) {
    if (target.records == 0) {
      out << "  " << say("inspect.refuses_nobody", {text::arg("target", target.label)}) << "\n";
      continue;
    }
    out << "  "
        << say("inspect.refuses",
               {text::arg("target", target.label), text::count("count", target.records)})
        << "\n";
    for (const auto& rule : target.rules) {
      out << "    " << rule.code << " (" << rule.keys.size() << ") — "
          << text::render(rule.reason, language) << " : ";
      for (std::size_t i = 0; i < rule.names.size() && i < kNamesPerRule; ++i)
        out << (i == 0 ? "" : " ; ") << text::render(rule.names[i], language);
      if (rule.names.size() > kNamesPerRule)
        out << say("inspect.refused_others",
                   {text::count("count", rule.names.size() - kNamesPerRule)});
      out << "\n";
    }
  }
}

}  // namespace edusync::inspect
