#include "report/account_sheets.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

#include "common/csv.hpp"

namespace edusync::report {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// The sheets' CSV: `;`, fields quoted only when they must be.
std::string csv_field(const std::string& text) {
  return edusync::csv_field(text, CsvStyle{';', "\r\n", false});
}

void sort_lines(std::vector<SheetLine>& lines) {
  std::sort(lines.begin(), lines.end(), [](const SheetLine& a, const SheetLine& b) {
    return std::tie(a.division, a.surname, a.given_name, a.login) <
           std::tie(b.division, b.surname, b.given_name, b.login);
  });
}

}  // namespace

std::string account_sheets_html(const std::string& run_id, std::vector<SheetLine> lines) {
  sort_lines(lines);
  std::map<std::string, std::vector<const SheetLine*>> pages;
  for (const auto& line : lines)
    pages[line.division.empty() ? "Personnels" : line.division].push_back(&line);
  std::ostringstream out;
  out << "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Comptes créés — "
      << escape(run_id)
      << "</"
         "title><style>body{font-family:system-ui,sans-serif}section{page-break-after:always;"
         "margin:1.5em}"
         "table{border-collapse:collapse;width:100%}td,th{border:1px solid "
         "#999;padding:.4em;text-align:left}"
         "td.secret{font-family:monospace;font-size:1.1em}</style></head><body>";
  if (pages.empty()) out << "<p>Aucun compte créé par ce passage.</p>";
  for (const auto& [division, entries] : pages) {
    out << "<section><h1>" << escape(division) << "</h1><p>Comptes créés — passage "
        << escape(run_id)
        << "</p><table><tr><th>Nom</th><th>Prénom</th><th>Identifiant</th><th>Mot de passe "
           "initial</th></tr>";
    for (const auto* e : entries) {
      out << "<tr><td>" << escape(e->surname) << "</td><td>" << escape(e->given_name)
          << "</td><td class=\"secret\">" << escape(e->login) << "</td><td class=\"secret\">"
          << (e->password.empty() ? "(expiré)" : escape(e->password)) << "</td></tr>";
    }
    out << "</table></section>";
  }
  out << "</body></html>\n";
  return out.str();
}

std::string account_sheets_csv(std::vector<SheetLine> lines) {
  sort_lines(lines);
  std::string csv = "division;nom;prenom;identifiant;mot_de_passe\r\n";
  for (const auto& l : lines) {
    csv += csv_field(l.division) + ";" + csv_field(l.surname) + ";" + csv_field(l.given_name) +
           ";" + csv_field(l.login) + ";" + csv_field(l.password) + "\r\n";
  }
  return csv;
}

}  // namespace edusync::report
