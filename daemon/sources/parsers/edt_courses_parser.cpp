// EXP_COURS.xml, EDT's export of its courses (root TABLE): one row per course, `Cours` or
// `Cours_annuels` below the root, whose child elements are the columns: NUMERO, DUREE,
// FREQUENCE, MAT_CODE, MAT_LIBELLE, PROF_NOM, PROF_PRENOM, CLASSE, SALLE, ALTERNANCE, MODALITE,
// CO-ENS., POND., JOUR, H.DEBUT, EFFECTIF. It has no identifiers: a course names its teacher,
// subject and audience, which assemble/ joins with STS-web by name and code.
//
// Each row gives one service per teacher and audience:
//   - teacher: PROF_NOM and PROF_PRENOM; a course taught by several lists them separated by
//     commas, paired in order when both columns list as many (else the given names are left
//     empty rather than given to the wrong teacher);
//   - subject: MAT_CODE (the management code), else MAT_LIBELLE;
//   - audience: CLASSE, which may list several classes or groups separated by ',' or '+'.
// A course is one line of the timetable per week and slot, so the same service comes many
// times: it is kept once. A row without PROF_NOM, without a subject or without CLASSE gives an
// issue and no service, and so does a teacher's name no person can have (see name_defect).

#include "common/text.hpp"
#include "sources/parsers/kind_parser.hpp"
#include "sources/parsers/unique_records.hpp"

namespace edusync::sources {
namespace {

constexpr std::string_view kSource = "EDT";

// The non-empty trimmed pieces of `text` between any of `separators`.
std::vector<std::string> split(std::string_view text, std::string_view separators) {
  std::vector<std::string> pieces;
  while (true) {
    const auto end = text.find_first_of(separators);
    const std::string_view piece = trim(text.substr(0, end));
    if (!piece.empty()) pieces.emplace_back(piece);
    if (end == std::string_view::npos) return pieces;
    text.remove_prefix(end + 1);
  }
}

struct Teacher {
  std::string surname;
  std::string given_name;
};

std::vector<Teacher> teachers_of(std::string_view surnames, std::string_view given_names) {
  const std::vector<std::string> names = split(surnames, ",");
  std::vector<std::string> givens = split(given_names, ",");
  if (givens.size() != names.size()) givens.assign(names.size(), {});
  std::vector<Teacher> teachers;
  for (std::size_t i = 0; i < names.size(); ++i) teachers.push_back({names[i], givens[i]});
  return teachers;
}

class EdtCoursesParser final : public KindParser {
 public:
  EdtCoursesParser() { data_.origin = model::Origin::edt; }

  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {{"Cours"}, {"Cours_annuels"}};
    return paths;
  }
  bool has_parametres() const override { return false; }

  // No UAI, no date: the dispatcher takes them from the drop name.
  void on_root(const xml::Node& root) override { header_.line = root.line(); }
  ExportHeader header() const override { return header_; }

  void on_record(std::size_t /*path_index*/, const xml::Node& record) override {
    ++rows_;
    read_course(record);
  }

  std::uint64_t main_records() const override { return rows_; }
  ExportData take() override { return std::move(data_); }

 private:
  // The text of the first non-empty column, or an issue naming the first column.
  std::string_view required(const xml::Node& record,
                            std::initializer_list<std::string_view> columns) {
    for (const std::string_view column : columns) {
      if (const std::string_view value = record.child_text(column); !value.empty()) return value;
    }
    issue_without(record, record.name(), *columns.begin());
    return {};
  }

  // Who the teacher of this course is, for a refused name.
  static text::Message who(const xml::Node& record) {
    const std::string_view number = record.child_text("NUMERO");
    if (number.empty()) return text::message("input.timetable.who.course_teacher_unnumbered");
    return text::message("input.timetable.who.course_teacher",
                         {text::arg("id", std::string(number))});
  }

  void read_course(const xml::Node& record) {
    const std::string_view surnames = required(record, {"PROF_NOM"});
    if (surnames.empty()) return;
    const std::string_view subject = required(record, {"MAT_CODE", "MAT_LIBELLE"});
    if (subject.empty()) return;
    const std::string_view audiences = required(record, {"CLASSE"});
    if (audiences.empty()) return;
    if (refuse_bad_names(record, {"PROF_NOM", "PROF_PRENOM"}, who(record), kSource)) return;
    const auto line = static_cast<std::uint32_t>(record.line());
    for (const Teacher& teacher : teachers_of(surnames, record.child_text("PROF_PRENOM"))) {
      for (const std::string& audience : split(audiences, ",+")) {
        add_service(teacher, subject, audience, line);
      }
    }
  }

  void add_service(const Teacher& teacher, std::string_view subject, const std::string& audience,
                   std::uint32_t line) {
    TimetableService& service = data_.services.emplace_back();
    service.teacher_surname = teacher.surname;
    service.teacher_given_name = teacher.given_name;
    service.subject_code = subject;
    service.structure_code = audience;
    service.line = line;
    if (!unique_services_.last_is_new()) data_.services.pop_back();
  }

  ExportHeader header_;
  TimetableExport data_;
  std::uint64_t rows_ = 0;
  UniqueServices unique_services_{data_.services};
};

}  // namespace

std::unique_ptr<KindParser> make_edt_courses_parser() {
  return std::make_unique<EdtCoursesParser>();
}

}  // namespace edusync::sources
