// BEE_STRUCTURES (Structures.xml), docs/input.md §1.4: the school's divisions and groups as
// SIECLE knows them. SIECLE puts codes in CODE_STRUCTURE attributes and child elements,
// where STS-web uses CODE attributes.
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {
namespace {

std::vector<std::string> child_codes(const xml::Node& parent, std::string_view list,
                                     std::string_view item, std::string_view field) {
  std::vector<std::string> codes;
  parent.child(list).for_each_child(item, [&](const xml::Node& node) {
    const std::string_view code = node.child_text(field);
    if (!code.empty()) codes.emplace_back(code);
  });
  return codes;
}

class StructuresParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {"PARAMETRES"}, {"DONNEES", "DIVISIONS", "DIVISION"}, {"DONNEES", "GROUPES", "GROUPE"}};
    return paths;
  }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    ++records_;
    const std::string_view code = record.attr("CODE_STRUCTURE");
    if (code.empty()) {
      issue_without(record, record.name(), "CODE_STRUCTURE", true);  // DIVISION, GROUPE
      return;
    }
    if (path_index == 1) {
      data_.divisions.push_back(
          {std::string(record.child_text("CODE_RNE")), std::string(code),
           std::string(record.child_text("LIBELLE_LONG")),
           child_codes(record, "MEFS_APPARTENANCE", "MEF_APPARTENANCE", "CODE_MEF")});
    } else {
      data_.groups.push_back({std::string(record.child_text("CODE_RNE")), std::string(code),
                              std::string(record.child_text("LIBELLE_LONG")),
                              child_codes(record, "DIVISIONS_APPARTENANCE", "DIVISION_APPARTENANCE",
                                          "CODE_STRUCTURE")});
    }
  }

  std::uint64_t main_records() const override { return records_; }
  ExportData take() override { return std::move(data_); }

 private:
  StructuresExport data_;
  std::uint64_t records_ = 0;
};

class NomenclaturesParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {"PARAMETRES"}, {"DONNEES", "MEFS", "MEF"}, {"DONNEES", "MATIERES", "MATIERE"}};
    return paths;
  }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    ++records_;
    if (path_index == 1) {
      const std::string_view code = record.attr("CODE_MEF");
      if (code.empty()) return issue_without(record, "MEF", "CODE_MEF");
      data_.mefs.push_back({std::string(code), std::string(record.child_text("FORMATION")),
                            std::string(record.child_text("LIBELLE_LONG"))});
      return;
    }
    const std::string_view code = record.attr("CODE_MATIERE");
    if (code.empty()) return issue_without(record, "MATIERE", "CODE_MATIERE", true);
    data_.subjects.push_back({std::string(code), std::string(record.child_text("CODE_GESTION")),
                              std::string(record.child_text("LIBELLE_COURT")),
                              std::string(record.child_text("LIBELLE_LONG"))});
  }

  std::uint64_t main_records() const override { return records_; }
  ExportData take() override { return std::move(data_); }

 private:
  NomenclaturesExport data_;
  std::uint64_t records_ = 0;
};

}  // namespace

std::unique_ptr<KindParser> make_structures_parser() {
  return std::make_unique<StructuresParser>();
}

std::unique_ptr<KindParser> make_nomenclatures_parser() {
  return std::make_unique<NomenclaturesParser>();
}

}  // namespace edusync::sources
