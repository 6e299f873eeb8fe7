#include "run/password_expiry.hpp"

#include <charconv>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "common/file_writer.hpp"
#include "report/account_sheets.hpp"
#include "state/run_details.hpp"

namespace edusync::run {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("lecture impossible de " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_private(const std::string& path, const std::string& bytes) {
  auto file = FileWriter::replace(path, {0600, true, nullptr});
  file << bytes;
  file.commit();
}

// The index of `column` in the header line starting at `start`.
std::size_t column_index(const std::string& csv, std::size_t start, char separator,
                         const std::string& column) {
  std::size_t index = 0;
  std::string cell;
  for (std::size_t i = start; i <= csv.size(); ++i) {
    const char c = i < csv.size() ? csv[i] : '\n';
    if (c == separator || c == '\n' || c == '\r') {
      if (cell == column) return index;
      if (c != separator) break;
      ++index;
      cell.clear();
    } else if (c != '"') {
      cell += c;
    }
  }
  throw std::runtime_error("colonne " + column + " absente de l'en-tête");
}

// "20251120T233000Z-1a2b" -> "2025-11-21" in France: the local day the run started (the id
// holds its UTC time).
std::string day_of_run(const std::string& run_id) {
  // YYYYMMDDTHHMMSS: the digits at these offsets and lengths.
  constexpr std::pair<std::size_t, std::size_t> kParts[] = {{0, 4}, {4, 2},  {6, 2},
                                                            {9, 2}, {11, 2}, {13, 2}};
  int values[6] = {};
  if (run_id.size() < 15 || run_id[8] != 'T') return {};
  for (std::size_t i = 0; i < 6; ++i) {
    const char* begin = run_id.data() + kParts[i].first;
    const char* end = begin + kParts[i].second;
    const auto parsed = std::from_chars(begin, end, values[i]);
    if (parsed.ec != std::errc{} || parsed.ptr != end) return {};
  }
  std::tm utc{};
  utc.tm_year = values[0] - 1900;
  utc.tm_mon = values[1] - 1;
  utc.tm_mday = values[2];
  utc.tm_hour = values[3];
  utc.tm_min = values[4];
  utc.tm_sec = values[5];
  const std::time_t when = ::timegm(&utc);
  std::tm local{};
  if (::localtime_r(&when, &local) == nullptr) return {};
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &local);
  return day;
}

// An account sheet rendered again from the accounts the state recorded for the run
// (state/run_details.hpp), every password shown as expired.
std::string expired_sheet(state::Database& db, const state::PasswordFileRecord& file,
                          report::SheetHeading heading) {
  std::vector<report::SheetLine> lines;
  for (const auto& a : state::created_accounts(db, file.run_id))
    lines.push_back({a.division, a.surname, a.given_name, a.login, ""});
  heading.created_on = day_of_run(file.run_id);
  heading.run_id = file.run_id;
  heading.expires.clear();
  return report::account_sheets_html(heading, std::move(lines));
}

// The file keeps its modification time: an importer's script that takes the newest file by
// mtime must not take an old run's full file for a new one.
void erase_from(state::Database& db, const state::PasswordFileRecord& file,
                const report::SheetHeading& sheets) {
  const auto written = std::filesystem::last_write_time(file.path);
  if (file.format == "account-sheet-html") {
    write_private(file.path, expired_sheet(db, file, sheets));
  } else {
    write_private(file.path, without_column(read_bytes(file.path), file.separator, file.column));
  }
  std::filesystem::last_write_time(file.path, written);
}

}  // namespace

std::string without_column(const std::string& csv, char separator, const std::string& column) {
  const std::size_t start = csv.starts_with(kBom) ? kBom.size() : 0;
  const std::size_t target = column_index(csv, start, separator, column);
  std::string out = csv.substr(0, start);
  out.reserve(csv.size());
  std::size_t line = 0, field = 0;
  bool quoted = false;
  for (std::size_t i = start; i < csv.size(); ++i) {
    const char c = csv[i];
    const bool erased = line > 0 && field == target;
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        if (!erased) out += "\"\"";
        ++i;
        continue;
      }
      if (c == '"') quoted = false;
      if (!erased) out += c;
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      ++field;
    } else if (c == '\n') {
      ++line;
      field = 0;
    }
    const bool content = c != separator && c != '\n' && c != '\r';
    if (!(erased && content)) out += c;
  }
  return out;
}

std::vector<state::PasswordFileRecord> account_sheet_files(const std::string& report_dir,
                                                           const std::string& run_id,
                                                           const std::string& expires) {
  return {{report_dir + "/accounts.html", run_id, expires, "account-sheet-html", ';', ""},
          {report_dir + "/accounts.csv", run_id, expires, "csv", ';', "mot_de_passe"}};
}

report::SheetHeading sheet_heading(const config::Config& config, const std::string& run_id,
                                   const std::string& expires) {
  report::SheetHeading heading;
  heading.language = config.report.language;
  heading.school_name = config.school_name;
  heading.uais = config.uais;
  heading.run_id = run_id;
  heading.created_on = day_of_run(run_id);
  heading.expires = expires;
  for (const auto& connector : config.connectors) {
    const auto address = connector.keys.find("login_address");
    if (address == connector.keys.end()) continue;
    const auto* text = std::get_if<std::string>(&address->second);
    if (text != nullptr && !text->empty() && *text != "none")
      heading.login_addresses.emplace_back(connector.name, *text);
  }
  return heading;
}

report::PasswordExpiry expire_initial_passwords(state::StateStore& store, const std::string& today,
                                                const report::SheetHeading& sheets) {
  report::PasswordExpiry expiry;
  auto& db = store.database();
  for (const auto& file : state::password_files_due(db, today)) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file.path, error)) {
      state::forget_password_file(db, file.path);  // rotated away, or never written (sheets)
      continue;
    }
    try {
      erase_from(db, file, sheets);
      state::forget_password_file(db, file.path);
      expiry.files.push_back(file.path);
    } catch (const std::exception& failure) {
      expiry.failures.push_back(file.path + " : " + failure.what());
    }
  }
  expiry.passwords = store.purge_expired_passwords(today);
  return expiry;
}

}  // namespace edusync::run
