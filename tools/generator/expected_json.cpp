// expected.json writer. Shape (keys in this order, integers only):
// { "generator": "edusync-gen", "format": 1,
//   "parameters": { seed, schools, pupils_per_school | total_pupils, year,
//                   export_date, responsables_format, eleves_variant, zip, uai_base },
//   "schools": [ { "uai", "dir", "files": {kind: path}, "counts": {…},
//                  "warnings": {CODE: n}, "edge_cases": {…}, "timetable"?: {…} } ],
//   "totals": { "counts": {…}, "warnings": {…}, "edge_cases": {…} } }
#include <cstdio>
#include <stdexcept>

#include "expected.hpp"

namespace gen {
namespace {

// Keys and paths are ASCII (UAI, codes, file names): no escaping needed.
void append_counter(std::string& out, const Counter& counter, const char* indent) {
  out += "{";
  for (std::size_t i = 0; i < counter.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out += indent;
    out += "  \"" + counter[i].first + "\": " + std::to_string(counter[i].second);
  }
  out += "\n";
  out += indent;
  out += "}";
}

Counter sum(const std::vector<SchoolExpected>& schools, Counter SchoolExpected::*field) {
  Counter total = schools.front().*field;
  for (std::size_t s = 1; s < schools.size(); ++s) {
    for (std::size_t i = 0; i < total.size(); ++i) total[i].second += (schools[s].*field)[i].second;
  }
  return total;
}

std::string parameters(const Options& o) {
  std::string out = "{\n    \"seed\": " + std::to_string(o.seed) +
                    ",\n    \"schools\": " + std::to_string(o.schools);
  out += o.total_pupils > 0 ? ",\n    \"total_pupils\": " + std::to_string(o.total_pupils)
                            : ",\n    \"pupils_per_school\": " + std::to_string(o.pupils);
  out += ",\n    \"year\": " + std::to_string(o.year) + ",\n    \"export_date\": \"" +
         format_dmy(o.export_date) + "\"";
  out += std::string(",\n    \"responsables_format\": \"") +
         (o.responsables == RespFormat::Post2018 ? "post2018" : "pre2018") + "\"";
  out += std::string(",\n    \"eleves_variant\": \"") + (o.eleves_avec ? "avec" : "sans") + "\"";
  out += std::string(",\n    \"zip\": ") + (o.zip ? "true" : "false");
  out += ",\n    \"uai_base\": " + std::to_string(o.uai_base) + "\n  }";
  return out;
}

void append_school(std::string& out, const SchoolExpected& s) {
  out += "    {\n      \"uai\": \"" + s.uai + "\",\n      \"dir\": \"" + s.dir +
         "\",\n      \"files\": {";
  for (std::size_t i = 0; i < s.files.size(); ++i) {
    out += (i == 0 ? "\n" : ",\n");
    out += "        \"" + s.files[i].first + "\": \"" + s.files[i].second + "\"";
  }
  out += "\n      },\n      \"counts\": ";
  append_counter(out, s.counts, "      ");
  out += ",\n      \"warnings\": ";
  append_counter(out, s.warnings, "      ");
  out += ",\n      \"edge_cases\": ";
  append_counter(out, s.edge_cases, "      ");
  if (!s.timetable.empty()) out += ",\n      \"timetable\": " + s.timetable;
  out += "\n    }";
}

}  // namespace

void write_expected_json(const std::string& path, const Options& options,
                         const std::vector<SchoolExpected>& schools) {
  std::string out = "{\n  \"generator\": \"edusync-gen\",\n  \"format\": 1,\n  \"parameters\": ";
  out += parameters(options);
  out += ",\n  \"schools\": [\n";
  for (std::size_t i = 0; i < schools.size(); ++i) {
    append_school(out, schools[i]);
    out += i + 1 < schools.size() ? ",\n" : "\n";
  }
  out += "  ],\n  \"totals\": {\n    \"counts\": ";
  append_counter(out, sum(schools, &SchoolExpected::counts), "    ");
  out += ",\n    \"warnings\": ";
  append_counter(out, sum(schools, &SchoolExpected::warnings), "    ");
  out += ",\n    \"edge_cases\": ";
  append_counter(out, sum(schools, &SchoolExpected::edge_cases), "    ");
  out += "\n  }\n}\n";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot create " + path);
  const bool ok = std::fwrite(out.data(), 1, out.size(), file) == out.size();
  if (std::fclose(file) != 0 || !ok) throw std::runtime_error("cannot write " + path);
}

}  // namespace gen
