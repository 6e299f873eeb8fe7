#pragma once
// Schools made by the generator (tools/generator, edusync-gen, the real binary) for the tests
// that need more than the hand-written exports, and the edits a later export brings: pupils
// leaving, arriving, getting their INE. The generator writes one element per line, which the
// plain string edits below rely on. Header-only, so that the test CMakeLists needs no change.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace edusync::test {

// One school's SIECLE and STS-web exports, as text (ISO-8859-15 bytes), by file name.
struct GeneratedSchool {
  std::string uai;
  std::map<std::string, std::string> files;

  std::string& eleves() { return files.at("ElevesSansAdresses.xml"); }
  std::string& responsables() { return files.at("ResponsablesAvecAdresses.xml"); }
};

// The UAI edusync-gen gives to school number `number` (7 digits and a key letter).
inline std::string generated_uai(std::uint32_t number) {
  static constexpr char kLetters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
  std::string digits = std::to_string(number);
  digits.insert(0, 7 - std::min<std::size_t>(7, digits.size()), '0');
  return digits + kLetters[number % 23];
}

// Runs edusync-gen for one school. Two schools made with the same seed share every ELEVE_ID
// and PERSONNE_ID (and names and INEs): two SIECLE bases numbering alike.
inline GeneratedSchool generate_school(const std::filesystem::path& dir, std::uint64_t seed,
                                       std::size_t pupils, std::uint32_t uai_number) {
  std::string output;
  const int rc =
      run_command(std::string(EDUSYNC_GENERATOR) + " --out " + dir.string() + " --seed " +
                      std::to_string(seed) + " --pupils " + std::to_string(pupils) +
                      " --uai-base " + std::to_string(uai_number) + " 2>&1",
                  output);
  EXPECT_EQ(rc, 0) << output;
  GeneratedSchool school{generated_uai(uai_number), {}};
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".xml") {
      school.files[entry.path().filename().string()] = read_file(entry.path().string());
    }
  }
  return school;
}

// Writes every school's files into `inbox` (emptied first), named after their school.
inline void drop_schools(const std::filesystem::path& inbox,
                         const std::vector<GeneratedSchool>& schools) {
  std::filesystem::remove_all(inbox);
  std::filesystem::create_directories(inbox);
  for (const auto& school : schools) {
    for (const auto& [name, text] : school.files) {
      std::ofstream(inbox / (school.uai + "_" + name), std::ios::binary) << text;
    }
  }
}

// A record block from `<open...` to its `</close>`, and the id its opening tag carries.
struct Block {
  std::size_t begin = 0, end = 0;  // [begin, end)
  std::string id;
};

inline std::vector<Block> blocks(const std::string& text, const std::string& open,
                                 const std::string& close) {
  std::vector<Block> found;
  for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    const auto id_start = at + open.size();
    const auto id_end = text.find('"', id_start);
    const auto end = text.find(close, at);
    if (id_end == std::string::npos || end == std::string::npos) break;
    found.push_back({at, end + close.size(), text.substr(id_start, id_end - id_start)});
  }
  return found;
}

inline std::vector<Block> pupil_blocks(const std::string& eleves) {
  return blocks(eleves, "<ELEVE ELEVE_ID=\"", "</ELEVE>");
}

// Removes every `<tag>...</tag>` of `text`.
inline void erase_elements(std::string& text, const std::string& tag) {
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    const auto end = text.find(close, at);
    if (end == std::string::npos) break;
    text.erase(at, end + close.size() - at);
  }
}

inline void erase_ines(std::string& pupil) {
  for (const char* tag : {"ID_NATIONAL", "INE_RNIE", "INE_BEA"}) erase_elements(pupil, tag);
}

inline bool has_ine(const std::string& pupil) {
  return pupil.find("<ID_NATIONAL>") != std::string::npos ||
         pupil.find("<INE_RNIE>") != std::string::npos;
}

// Replaces the ELEVE blocks of `eleves` one by one with edit(block).
template <typename Edit>
void edit_pupils(std::string& eleves, Edit edit) {
  const auto found = pupil_blocks(eleves);
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    std::string block = eleves.substr(it->begin, it->end - it->begin);
    edit(it->id, block);
    eleves.replace(it->begin, it->end - it->begin, block);
  }
}

// Pupils in a class (a D structure other than Inactifs) and without DATE_SORTIE: the ones a
// later export can make leave.
inline std::vector<std::string> current_pupil_ids(const std::string& eleves) {
  std::map<std::string, std::string> structures;
  for (const auto& b : blocks(eleves, "<STRUCTURES_ELEVE ELEVE_ID=\"", "</STRUCTURES_ELEVE>")) {
    structures[b.id] = eleves.substr(b.begin, b.end - b.begin);
  }
  std::vector<std::string> ids;
  for (const auto& block : pupil_blocks(eleves)) {
    const auto text = eleves.substr(block.begin, block.end - block.begin);
    if (text.find("<DATE_SORTIE>") != std::string::npos) continue;
    const auto found = structures.find(block.id);
    if (found == structures.end()) continue;
    const auto& classes = found->second;
    if (classes.find("<TYPE_STRUCTURE>D<") == std::string::npos) continue;
    if (classes.find(">Inactifs<") != std::string::npos) continue;
    ids.push_back(block.id);
  }
  return ids;
}

// `id` leaves on `date` (DD/MM/YYYY).
inline void make_leave(std::string& eleves, const std::string& id, const std::string& date) {
  edit_pupils(eleves, [&](const std::string& eleve_id, std::string& block) {
    if (eleve_id != id) return;
    block.insert(block.rfind("</ELEVE>"), "<DATE_SORTIE>" + date + "</DATE_SORTIE>\n");
  });
}

// A new pupil, a copy of `model` (its class, its guardians: a sibling) under new numbers
// and without INE, as SIECLE shows an arrival for its first days.
inline void add_arrival(GeneratedSchool& school, const std::string& model,
                        const std::string& eleve_id, const std::string& elenoet) {
  auto& eleves = school.eleves();
  auto rename = [&](std::string block) {
    const auto id_attr = "ELEVE_ID=\"" + model + "\"";
    block.replace(block.find(id_attr), id_attr.size(), "ELEVE_ID=\"" + eleve_id + "\"");
    if (const auto at = block.find("ELENOET=\""); at != std::string::npos) {
      block.replace(at, block.find('"', at + 9) + 1 - at, "ELENOET=\"" + elenoet + "\"");
    }
    return block;
  };
  for (const auto& block : pupil_blocks(eleves)) {
    if (block.id != model) continue;
    std::string copy = rename(eleves.substr(block.begin, block.end - block.begin));
    erase_ines(copy);
    erase_elements(copy, "ELENOET");
    erase_elements(copy, "ID_ELEVE_ETAB");
    eleves.insert(block.end, "\n" + copy);
    break;
  }
  for (const auto& block : blocks(eleves, "<STRUCTURES_ELEVE ELEVE_ID=\"", "</STRUCTURES_ELEVE>")) {
    if (block.id != model) continue;
    eleves.insert(block.end, "\n" + rename(eleves.substr(block.begin, block.end - block.begin)));
    break;
  }
  auto& responsables = school.responsables();
  const std::string open = "<RESPONSABLE_ELEVE>", close = "</RESPONSABLE_ELEVE>";
  std::string links;
  for (auto at = responsables.find(open); at != std::string::npos;
       at = responsables.find(open, at + 1)) {
    const auto end = responsables.find(close, at) + close.size();
    std::string link = responsables.substr(at, end - at);
    const std::string id = "<ELEVE_ID>" + model + "</ELEVE_ID>";
    if (const auto where = link.find(id); where != std::string::npos) {
      link.replace(where, id.size(), "<ELEVE_ID>" + eleve_id + "</ELEVE_ID>");
      links += "\n" + link;
    }
  }
  const auto last = responsables.rfind(close);
  if (last != std::string::npos) responsables.insert(last + close.size(), links);
}

// A pupil without INE gets one (ID_NATIONAL), as SIECLE does days after an arrival.
inline void give_ine(std::string& eleves, const std::string& id, const std::string& ine) {
  edit_pupils(eleves, [&](const std::string& eleve_id, std::string& block) {
    if (eleve_id != id) return;
    block.insert(block.find('>') + 1, "\n<ID_NATIONAL>" + ine + "</ID_NATIONAL>");
  });
}

// Every occurrence of `from` in every file of the school (an export date).
inline void replace_everywhere(GeneratedSchool& school, const std::string& from,
                               const std::string& to) {
  for (auto& [name, text] : school.files) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
}

}  // namespace edusync::test
