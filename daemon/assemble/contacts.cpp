// Guardians and other contacts of BEE_RESPONSABLES, linked to current pupils. A person with no
// link to a current pupil (SIECLE keeps many: leavers' parents) is counted and left out.
#include <algorithm>
#include <unordered_map>

#include "assemble/context.hpp"
#include "common/text.hpp"

namespace edusync::assemble {
namespace {

bool is_guardian(const model::Contact& contact) {
  return std::any_of(contact.pupils.begin(), contact.pupils.end(), [](const auto& link) {
    return link.responsibility == model::Responsibility::legal;
  });
}

class ContactBuilder {
 public:
  ContactBuilder(Context& context, std::size_t source) : context_(context), source_(source) {}
  void run(sources::ResponsablesExport& responsables);

 private:
  void link(const sources::LinkRecord& link,
            std::unordered_map<std::string_view, std::size_t>& persons,
            std::deque<sources::PersonRecord>& records);

  Context& context_;
  std::size_t source_;
};

void ContactBuilder::run(sources::ResponsablesExport& responsables) {
  const std::string& uai = context_.exports[source_].header.uai;
  if (!context_.uais_with_pupils.contains(uai)) {
    context_.warnings.missing_pupils_export(uai, context_.exports[source_].path);
  }
  std::unordered_map<std::string_view, std::size_t> persons;
  persons.reserve(responsables.persons.size());
  for (std::size_t i = 0; i < responsables.persons.size(); ++i) {
    auto& person = responsables.persons[i].person;
    // PERSONNE_ID is numbered by each school's SIECLE base: the key carries the UAI.
    person.key = "personne:" + uai + ":" + person.personne_id;
    if (!persons.try_emplace(person.personne_id, i).second) {
      context_.warnings.duplicate_record(Warnings::RecordKind::person, person.personne_id,
                                         context_.where(source_, person.origin.line));
    }
  }
  for (; !responsables.links.empty(); responsables.links.pop_front()) {
    link(responsables.links.front(), persons, responsables.persons);
  }
  persons.clear();  // its keys view the records consumed below
  for (; !responsables.persons.empty(); responsables.persons.pop_front()) {
    model::Contact& person = responsables.persons.front().person;
    if (person.pupils.empty()) {
      ++context_.directory.ignored.unlinked_persons;
      continue;
    }
    person.origin.source = static_cast<std::uint32_t>(source_);
    auto& into =
        is_guardian(person) ? context_.directory.guardians : context_.directory.other_contacts;
    into.push_back(std::move(person));
  }
  responsables = {};
}

void ContactBuilder::link(const sources::LinkRecord& link,
                          std::unordered_map<std::string_view, std::size_t>& persons,
                          std::deque<sources::PersonRecord>& records) {
  const std::string& uai = context_.exports[source_].header.uai;
  if (!context_.uais_with_pupils.contains(uai)) return;
  const auto pupil = context_.eleve_ids.find(school_key(uai, link.eleve_id));
  if (pupil == context_.eleve_ids.end()) {
    context_.warnings.unknown_pupil_reference(uai, link.eleve_id, link.personne_id,
                                              context_.where(source_, link.line));
    return;
  }
  if (pupil->second < 0) return;  // a leaver or a pupil without class: not an error
  const auto person = persons.find(link.personne_id);
  if (person == persons.end()) {
    context_.warnings.unknown_person_reference(uai, link.eleve_id, link.personne_id,
                                               context_.where(source_, link.line));
    return;
  }
  const auto& pupil_key = context_.directory.pupils[static_cast<std::size_t>(pupil->second)].key;
  auto& links = records[person->second].person.pupils;
  const bool known = std::any_of(links.begin(), links.end(), [&](const auto& existing) {
    return existing.pupil_key == pupil_key;
  });
  if (!known) links.push_back({pupil_key, link.responsibility, link.kinship, link.pays_fees});
}

}  // namespace

void add_contacts(Context& context) {
  for (std::size_t i = 0; i < context.exports.size(); ++i) {
    if (auto* responsables = std::get_if<sources::ResponsablesExport>(&context.exports[i].data)) {
      ContactBuilder(context, i).run(*responsables);
    }
  }
  find_duplicate_guardians(context);
}

}  // namespace edusync::assemble
