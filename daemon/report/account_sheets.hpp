#pragma once
// Account sheets: the logins and initial passwords of the accounts a run created, one printable
// page per class (HTML) and a CSV (UTF-8 with BOM, for Excel), for the referent to hand out.
// Each page names the school, the date, where to log in and that the password must be changed
// at the first login. Written mode 0600 into the run's report folder; the passwords come from
// the state store and exist there only until identity.password_retention_days after the run.
// The run records both sheet files with that date, and the run that erases the passwords
// writes them again without (run/password_expiry).
#include <string>
#include <utility>
#include <vector>

namespace edusync::report {

struct SheetLine {
  std::string division;  // empty for staff: they are grouped under "Personnels"
  std::string surname, given_name, login, password;  // password empty once expired
};

// What every page says above and below its table.
struct SheetHeading {
  std::string language = "fr";  // report.language
  std::string school_name;
  std::vector<std::string> uais;
  std::string run_id;
  std::string created_on;  // ISO: the day the run created the accounts
  std::string expires;     // ISO: the day the initial passwords are erased; empty when unknown
  // Target name and where its users log in (connectors' login_address), in configuration order.
  std::vector<std::pair<std::string, std::string>> login_addresses;
};

// Pages in class order, staff last; names in French order (ICU collation).
std::string account_sheets_html(const SheetHeading& heading, std::vector<SheetLine> lines);
std::string account_sheets_csv(std::vector<SheetLine> lines);

}  // namespace edusync::report
