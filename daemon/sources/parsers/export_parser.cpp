#include "sources/parsers/export_parser.hpp"

#include <array>

#include "common/errors.hpp"
#include "common/text.hpp"
#include "sources/input/hashing_source.hpp"
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {
namespace {

struct KnownRoot {
  std::string_view root;
  ExportKind kind;
  std::unique_ptr<KindParser> (*make)();
};

constexpr std::array<KnownRoot, 5> kKnownRoots = {{
    {"BEE_ELEVES", ExportKind::siecle_eleves, make_eleves_parser},
    {"BEE_RESPONSABLES", ExportKind::siecle_responsables, make_responsables_parser},
    {"BEE_STRUCTURES", ExportKind::siecle_structures, make_structures_parser},
    {"BEE_NOMENCLATURES", ExportKind::siecle_nomenclatures, make_nomenclatures_parser},
    {"STS_EDT", ExportKind::sts_emp, make_sts_parser},
}};

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
  if (root == "ExportEmploiDuTemps" || root == "EXPORT_INDEX_EDUCATION" || root == "TABLE") {
    return text::message("input.root.timetable",
                         {arg("root", std::string(root)), nested("expected", expected_roots())});
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
    return parser_->record_paths();
  }

  bool on_record(std::size_t path_index, const xml::Node& record) override {
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

void check_header(const ParsedExport& parsed) {
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
  }
  return "";
}

ParsedExport read_export_header(input::ByteSource& source) {
  DispatchHandler handler(source.display_name(), std::nullopt, true);
  xml::stream_document(source, handler);
  ParsedExport parsed = handler.finish(source.display_name());
  parsed.records = 0;
  parsed.data = {};
  check_header(parsed);
  return parsed;
}

ParsedExport parse_export(input::ByteSource& source, std::optional<ExportKind> expected) {
  input::HashingSource hashing(source);
  DispatchHandler handler(source.display_name(), expected);
  xml::stream_document(hashing, handler);
  ParsedExport parsed = handler.finish(source.display_name());
  parsed.bytes = source.bytes_read();
  parsed.sha256 = hashing.hex_digest();
  check_header(parsed);
  return parsed;
}

}  // namespace edusync::sources
