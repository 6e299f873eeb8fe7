#include "school_files.hpp"

#include <filesystem>

#include "builders.hpp"
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

}  // namespace

SchoolExpected generate_school(const SchoolPlan& plan, const Options& options, const IdSpace& ids) {
  const School school = build_school(plan, options, ids);
  SchoolExpected expected = compute_expected(school, options.responsables);
  check_planted(school, expected);  // before writing anything
  std::filesystem::create_directories(plan.dir);
  const std::string eleves = write_eleves_export(school, options);
  const std::string responsables = "ResponsablesAvecAdresses.xml";
  write_responsables(school, options.responsables, plan.dir + "/" + responsables);
  write_structures(school, plan.dir + "/Structures.xml");
  write_nomenclature(school, plan.dir + "/Nomenclature.xml");
  const std::string sts = "sts_emp_" + school.uai + "_" + std::to_string(options.year) + ".xml";
  write_sts(school, plan.dir + "/" + sts);

  expected.files = {{"eleves", relative(plan, eleves)},
                    {"responsables", relative(plan, responsables)},
                    {"structures", relative(plan, "Structures.xml")},
                    {"nomenclature", relative(plan, "Nomenclature.xml")},
                    {"sts", relative(plan, sts)}};
  return expected;
}

}  // namespace gen
