#pragma once
// The interface between the streaming reader and the parser of one export kind. Each kind
// declares the record elements it reads (path below the root); for SIECLE and STS-web path 0 is
// always PARAMETRES, read by the shared header parser. Timetable exports have no PARAMETRES:
// their parsers say so (has_parametres) and build the header from the root and their records.
// Records arrive in document order, but no parser relies on the order of sections: joins between
// sections are made later, by assemble/.
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sources/exports.hpp"
#include "sources/xml/record_stream.hpp"

namespace edusync::sources {

class KindParser {
 public:
  virtual ~KindParser() = default;
  // Record paths; index 0 must be {"PARAMETRES"} unless has_parametres() is false.
  virtual const std::vector<xml::RecordPath>& record_paths() const = 0;
  virtual bool has_parametres() const { return true; }
  // Parsers without PARAMETRES: the root element, before any record, and the header read
  // (valid after the root, completed by the records).
  virtual void on_root(const xml::Node& /*root*/) {}
  virtual ExportHeader header() const { return {}; }
  // One record of path index >= 1 (>= 0 when has_parametres() is false).
  virtual void on_record(std::size_t path_index, const xml::Node& record) = 0;
  // How many main records were read (ELEVE, PERSONNE, INDIVIDU...), for the report.
  virtual std::uint64_t main_records() const = 0;
  // The data read; called once, at the end of the document.
  virtual ExportData take() = 0;

  std::vector<ParseIssue>& issues() { return issues_; }

 protected:
  void issue(const xml::Node& record, text::Message message) {
    issues_.push_back({static_cast<std::uint32_t>(record.line()), std::move(message)});
  }
  // "{element} sans {attribute} ignoré" (ignorée when `feminine`: the French participle agrees
  // with the element, MATIERE, DIVISION...).
  void issue_without(const xml::Node& record, std::string_view element, std::string_view attribute,
                     bool feminine = false) {
    issue(record,
          text::message(feminine ? "input.record.no_attribute_f" : "input.record.no_attribute",
                        {text::arg("element", std::string(element)),
                         text::arg("attribute", std::string(attribute))}));
  }
  // Refuses the record (one issue, true returned) when one of these child elements holds a
  // text no name can be (see name_defect). `who` names the record (input.who.pupil: "l'élève
  // ELEVE_ID 12"), `source` where to correct it ("SIECLE", an application's name).
  bool refuse_bad_names(const xml::Node& record, std::initializer_list<std::string_view> elements,
                        text::Message who, std::string_view source);

 private:
  std::vector<ParseIssue> issues_;
};

std::unique_ptr<KindParser> make_eleves_parser();
std::unique_ptr<KindParser> make_responsables_parser();
std::unique_ptr<KindParser> make_structures_parser();
std::unique_ptr<KindParser> make_nomenclatures_parser();
std::unique_ptr<KindParser> make_sts_parser();
std::unique_ptr<KindParser> make_edt_parser();
// One UDCal_*.xml member of a UDT zip: rows read by element name whatever the root.
std::unique_ptr<KindParser> make_udt_parser();
std::unique_ptr<KindParser> make_edt_courses_parser();

// The surname rule of BEE_ELEVES and BEE_RESPONSABLES: NOM_USAGE when non-empty, else
// NOM_DE_FAMILLE (since summer 2016), else NOM (before); the birth name is NOM_DE_FAMILLE or NOM.
void read_bee_surnames(const xml::Node& person, std::string& surname, std::string& birth_surname);

// Why the text of a name element cannot be used, or an empty message when it can: a C1 control
// character (U+0080..U+009F: a file converted twice, or garbage) or more than kMaxNameLength
// characters. Such text would go as it is into LDAP cn/sn and the CSV files of every target.
inline constexpr std::size_t kMaxNameLength = 200;
text::Message name_defect(std::string_view element, std::string_view text);

// PARAMETRES of a BEE_* file (UAI as text) or of STS_EDT (UAI and year as attributes).
ExportHeader parse_bee_header(const xml::Node& parametres);
ExportHeader parse_sts_header(const xml::Node& parametres);

// What an academy drop name says: `<UAI>_...` gives the UAI, `<UAI>_<yyyyMMddHHmmss>_...` also
// the export date (UDT names its drops so). `display_name` may be "dir/x.zip:member.xml": only
// the archive's (or the file's) own name counts. Nothing is filled for any other name.
void read_drop_name(std::string_view display_name, ExportHeader& header);

// A member of a UDT export: UDCal_<anything>.xml, in any case, inside a zip.
bool is_udt_member(std::string_view display_name);

// An INE as SIECLE holds it: 11 characters, digits and capital letters, with a digit. What a
// timetable export writes elsewhere (EDT's 13-digit NumeroNational) is not one.
bool looks_like_ine(std::string_view text);

}  // namespace edusync::sources
