#include "sources/parsers/export_parser.hpp"

#include <array>
#include <optional>

#include "common/errors.hpp"
#include "common/text.hpp"
#include "sources/input/hashing_source.hpp"
#include "sources/input/peeked_source.hpp"
#include "sources/input/read_ahead_source.hpp"
#include "sources/parsers/kind_parser.hpp"
#include "sources/timetable/index_container.hpp"

namespace edusync::sources {
namespace {

struct KnownRoot {
  std::string_view root;
  ExportKind kind;
  std::unique_ptr<KindParser> (*make)();
};

constexpr std::array<KnownRoot, 7> kKnownRoots = {{
    {"BEE_ELEVES", ExportKind::siecle_eleves, make_eleves_parser},
    {"BEE_RESPONSABLES", ExportKind::siecle_responsables, make_responsables_parser},
    {"BEE_STRUCTURES", ExportKind::siecle_structures, make_structures_parser},
    {"BEE_NOMENCLATURES", ExportKind::siecle_nomenclatures, make_nomenclatures_parser},
    {"STS_EDT", ExportKind::sts_emp, make_sts_parser},
    {"ExportEmploiDuTemps", ExportKind::edt, make_edt_parser},
    {"TABLE", ExportKind::edt_courses, make_edt_courses_parser},
}};

// The root of a UDT member is not documented anywhere: the member's name says what it is.
constexpr KnownRoot kUdtMember{"", ExportKind::udt, make_udt_parser};

// "edusync lit les exports SIECLE (...) et STS-web (...)", after what a file is not.
text::Message expected_roots() {
  return text::message("input.expected_roots");
}

// Roots that users plausibly drop by mistake, with what to do instead.
text::Message explain_unsupported_root(std::string_view root) {
  using text::arg;
  using text::nested;
  if (root == "EDT_STS") return text::message("input.root.edt_sts");
  if (root == "BEE_COMMUN") {
    return text::message("input.root.bee_commun", {nested("expected", expected_roots())});
  }
  if (root == "ficAlimMENESR") {
    return text::message("input.root.aaf", {nested("expected", expected_roots())});
  }
  return text::message("input.root.unknown",
                       {arg("root", std::string(root)), nested("expected", expected_roots())});
}

// Bridges the record stream to the parser of the kind found at the root.
class DispatchHandler final : public xml::DocumentHandler {
 public:
  DispatchHandler(const std::string& file, std::optional<ExportKind> expected,
                  bool header_only = false)
      : file_(file), expected_(expected), header_only_(header_only) {}

  const std::vector<xml::RecordPath>& on_root(const xml::Node& root) override {
    const KnownRoot* known = nullptr;
    for (const auto& candidate : kKnownRoots) {
      if (candidate.root == root.name()) known = &candidate;
    }
    if (known == nullptr && is_udt_member(file_)) known = &kUdtMember;
    if (known == nullptr)
      throw InputError::stray({file_, root.line()}, explain_unsupported_root(root.name()));
    if (expected_ && *expected_ != known->kind) {
      throw InputError({file_, root.line()},
                       text::message("input.root.wrong_kind",
                                     {text::arg("found", std::string(to_string(known->kind))),
                                      text::arg("expected", std::string(to_string(*expected_)))}));
    }
    kind_ = known->kind;
    version_ = root.attr("VERSION");
    parser_ = known->make();
    parser_->on_root(root);
    return parser_->record_paths();
  }

  bool on_record(std::size_t path_index, const xml::Node& record) override {
    if (!parser_->has_parametres()) {
      // Timetable exports: the root and the first record (AnneeScolaire for EDT) make the
      // header, which is all a header-only read needs.
      parser_->on_record(path_index, record);
      return !header_only_;
    }
    if (path_index == 0) {
      header_ = kind_ == ExportKind::sts_emp ? parse_sts_header(record) : parse_bee_header(record);
      header_->version = version_;
      return !header_only_;
    } else {
      parser_->on_record(path_index, record);
    }
    return true;
  }

  ParsedExport finish(const std::string& display_name) {
    if (parser_ && !parser_->has_parametres()) {
      header_ = parser_->header();
      if (header_->uai.empty() || header_->export_date.empty()) {
        ExportHeader from_name;
        read_drop_name(display_name, from_name);
        if (header_->uai.empty()) header_->uai = from_name.uai;
        if (header_->export_date.empty()) header_->export_date = from_name.export_date;
      }
    }
    if (!header_) {
      throw InputError({file_}, text::message("input.header.missing"));
    }
    ParsedExport parsed;
    parsed.path = display_name;
    parsed.kind = kind_;
    parsed.header = std::move(*header_);
    parsed.records = parser_->main_records();
    parsed.issues = std::move(parser_->issues());
    parsed.data = parser_->take();
    return parsed;
  }

 private:
  const std::string& file_;
  std::optional<ExportKind> expected_;
  bool header_only_;
  ExportKind kind_ = ExportKind::siecle_eleves;
  std::string version_;
  std::unique_ptr<KindParser> parser_;
  std::optional<ExportHeader> header_;
};

// SIECLE and STS-web exports name their school and year; timetable exports may not (assemble/
// gives them the inbox's school).
void check_header(const ParsedExport& parsed) {
  if (is_timetable(parsed.kind)) return;
  const SourceLocation where{parsed.path, parsed.header.line};
  if (parsed.header.uai.empty()) {
    throw InputError(where, text::message("input.header.no_uai"));
  }
  if (parsed.header.school_year.size() != 4 || !all_digits(parsed.header.school_year)) {
    throw InputError(where, text::message("input.header.bad_year",
                                          {text::arg("value", parsed.header.school_year)}));
  }
}

}  // namespace

std::string_view to_string(ExportKind kind) {
  switch (kind) {
    case ExportKind::siecle_eleves: return "siecle-eleves";
    case ExportKind::siecle_responsables: return "siecle-responsables";
    case ExportKind::siecle_structures: return "siecle-structures";
    case ExportKind::siecle_nomenclatures: return "siecle-nomenclature";
    case ExportKind::sts_emp: return "sts-emp";
    case ExportKind::edt: return "edt";
    case ExportKind::udt: return "udt";
    case ExportKind::edt_courses: return "edt-courses";
    case ExportKind::udt_courses: return "udt-courses";
  }
  return "";
}

namespace {

// What the first bytes of a document say it is.
enum class Shape : std::uint8_t { xml, index_container, course_text };

constexpr std::size_t kPeekBytes = 4u << 10;  // refusing a stray file reads no more than that

// The name of the first element, after a BOM, white space, the XML declaration, processing
// instructions and comments; empty when the peeked bytes do not reach it (or hold a DTD, which
// the streaming reader refuses anyway).
std::string_view first_element_name(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (true) {
    const auto open = head.find('<');
    if (open == std::string_view::npos || open + 1 >= head.size()) return {};
    head.remove_prefix(open);
    if (head.starts_with("<?") || head.starts_with("<!--")) {
      const auto close = head.find(head[1] == '?' ? "?>" : "-->");
      if (close == std::string_view::npos) return {};
      head.remove_prefix(close);
      continue;
    }
    if (head.starts_with("<!")) return {};
    const auto end = head.find_first_of(" \t\r\n/>", 1);
    if (end == std::string_view::npos) return {};
    return head.substr(1, end - 1);
  }
}

Shape shape_of(std::string_view head) {
  if (first_element_name(head) == "EXPORT_INDEX_EDUCATION") return Shape::index_container;
  if (looks_like_udt_courses(head)) return Shape::course_text;
  return Shape::xml;
}

// The ExportEmploiDuTemps inside Index Éducation's container, or only the container's header.
ParsedExport parse_container(input::ByteSource& source, const ParseOptions& options,
                             bool header_only) {
  auto opened = timetable::open_index_container(source, options.edt_key_file, header_only);
  ParsedExport parsed;
  if (header_only) {
    parsed.path = source.display_name();
    parsed.kind = ExportKind::edt;
    parsed.header = std::move(opened.header);
    return parsed;
  }
  DispatchHandler handler(opened.clear->display_name(), ExportKind::edt);
  xml::stream_document(*opened.clear, handler);
  parsed = handler.finish(source.display_name());
  // The container's own UAI and date come first: they are what the inbox chose it by.
  if (!opened.header.uai.empty()) parsed.header.uai = opened.header.uai;
  if (!opened.header.export_date.empty()) parsed.header.export_date = opened.header.export_date;
  return parsed;
}

ParsedExport parse_shaped(input::PeekedSource& source, std::optional<ExportKind> expected,
                          const ParseOptions& options, bool header_only) {
  const Shape shape = shape_of(source.head());
  const auto refuse_other = [&](ExportKind found) {
    if (expected && *expected != found) {
      throw InputError({source.display_name()},
                       text::message("input.root.wrong_kind",
                                     {text::arg("found", std::string(to_string(found))),
                                      text::arg("expected", std::string(to_string(*expected)))}));
    }
  };
  if (shape == Shape::index_container) {
    refuse_other(ExportKind::edt);
    return parse_container(source, options, header_only);
  }
  if (shape == Shape::course_text) {
    refuse_other(ExportKind::udt_courses);
    return parse_udt_courses(source);
  }
  DispatchHandler handler(source.display_name(), expected, header_only);
  xml::StreamLimits limits;
  limits.handler_thread = !header_only;
  xml::stream_document(source, handler, limits);
  return handler.finish(source.display_name());
}

}  // namespace

ParsedExport read_export_header(input::ByteSource& source, const ParseOptions& options) {
  input::PeekedSource peeked(source, kPeekBytes);
  ParsedExport parsed = parse_shaped(peeked, std::nullopt, options, true);
  parsed.records = 0;
  parsed.data = {};
  check_header(parsed);
  return parsed;
}

ParsedExport parse_export(input::ByteSource& source, std::optional<ExportKind> expected,
                          const ParseOptions& options) {
  input::HashingSource hashing(source);
  // A zip member is inflated (and hashed) beside the parse. A plain file is not read ahead:
  // measured, hashing it on a third thread costs more than it saves (bench/RESULTS.md §G).
  std::optional<input::ReadAheadSource> ahead;
  if (source.inflates()) ahead.emplace(hashing);
  input::PeekedSource peeked(ahead ? static_cast<input::ByteSource&>(*ahead) : hashing, kPeekBytes);
  ParsedExport parsed = parse_shaped(peeked, expected, options, false);
  if (ahead) ahead->stop();
  parsed.bytes = source.bytes_read();
  parsed.sha256 = hashing.hex_digest();
  check_header(parsed);
  return parsed;
}

}  // namespace edusync::sources
