#include "school_files.hpp"

#include <filesystem>

#include "builders.hpp"
#include "timetable_files.hpp"
#include "writers.hpp"
#include "zip_writer.hpp"

namespace gen {
namespace {

std::string relative(const SchoolPlan& plan, const std::string& name) {
  return plan.rel_dir == "." ? name : plan.rel_dir + "/" + name;
}

// The Eleves export, bare or zipped the way SIECLE delivers it.
std::string write_eleves_export(const School& school, const Options& options) {
  const SchoolPlan& plan = *school.plan;
  const std::string stem = options.eleves_avec ? "ElevesAvecAdresses" : "ElevesSansAdresses";
  if (!options.zip) {
    write_eleves(school, options.eleves_avec, plan.dir + "/" + stem + ".xml");
    return stem + ".xml";
  }
  const std::string temp = plan.dir + "/." + stem + ".xml.tmp";
  std::string zip_name = "ExportXML_" + stem + ".zip";
  write_eleves(school, options.eleves_avec, temp);
  zip_single_file(plan.dir + "/" + zip_name, stem + ".xml", temp, school.export_date, school.hour,
                  school.minute, school.second);
  std::filesystem::remove(temp);
  return zip_name;
}

// The "timetable" object of expected.json (paths relative to --out).
std::string timetable_oracle(const School& school, const Timetable& tt, const Options& options) {
  FileList files;
  for (const auto& [kind, name] : timetable_files(school))
    files.emplace_back(kind, relative(*school.plan, name));
  if (options.edt_key_file.empty()) files.emplace_back("edt_key", std::string(kEdtKeyFile));
  return timetable_json(school, tt, compute_timetable_expected(school, tt), files);
}

}  // namespace

SchoolExpected generate_school(const SchoolPlan& plan, const Options& options, const IdSpace& ids) {
  School school = build_school(plan, options, ids);
  Timetable tt;
  if (options.timetables) {  // its own stream: the SIECLE / STS draws do not move
    Rng rng(derive_seed(plan.seed, kTimetableStream));
    tt = build_timetable(school, rng);  // plants the twins into `school` first
  }
  SchoolExpected expected = compute_expected(school, options.responsables);
  check_planted(school, expected);  // before writing anything
  if (options.timetables) expected.timetable = timetable_oracle(school, tt, options);
  std::filesystem::create_directories(plan.dir);
  const std::string eleves = write_eleves_export(school, options);
  const std::string responsables = "ResponsablesAvecAdresses.xml";
  write_responsables(school, options.responsables, plan.dir + "/" + responsables);
  write_structures(school, plan.dir + "/Structures.xml");
  write_nomenclature(school, plan.dir + "/Nomenclature.xml");
  const std::string sts = "sts_emp_" + school.uai + "_" + std::to_string(options.year) + ".xml";
  write_sts(school, plan.dir + "/" + sts);
  if (options.timetables) write_timetables(school, tt, options);

  expected.files = {{"eleves", relative(plan, eleves)},
                    {"responsables", relative(plan, responsables)},
                    {"structures", relative(plan, "Structures.xml")},
                    {"nomenclature", relative(plan, "Nomenclature.xml")},
                    {"sts", relative(plan, sts)}};
  return expected;
}

}  // namespace gen
