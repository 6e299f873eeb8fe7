#pragma once
// Account sheets: the logins and initial passwords of the accounts a run created, one printable
// page per division (HTML) and a CSV, for the referent to hand out. Written mode 0600 into the
// run's report folder; the passwords come from the state store and exist there only until
// identity.password_retention_days after the run. The run records both sheet files with that
// date, and the run that erases the passwords writes them again without (run/password_expiry).
#include <string>
#include <vector>

namespace edusync::report {

struct SheetLine {
  std::string division;  // empty for staff: they are grouped under "Personnels"
  std::string surname, given_name, login, password;  // password empty once expired
};

std::string account_sheets_html(const std::string& run_id, std::vector<SheetLine> lines);
std::string account_sheets_csv(std::vector<SheetLine> lines);

}  // namespace edusync::report
