// Placeholder until the EXP_COURS parser lands.
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {
namespace {

class EdtCoursesParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override { return paths_; }
  bool has_parametres() const override { return false; }
  void on_record(std::size_t, const xml::Node&) override {}
  std::uint64_t main_records() const override { return 0; }
  ExportData take() override {
    TimetableExport data;
    data.origin = model::Origin::edt;
    return data;
  }

 private:
  std::vector<xml::RecordPath> paths_;
};

}  // namespace

std::unique_ptr<KindParser> make_edt_courses_parser() {
  return std::make_unique<EdtCoursesParser>();
}

}  // namespace edusync::sources
