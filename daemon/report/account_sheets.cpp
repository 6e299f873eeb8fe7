#include "report/account_sheets.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

#include "common/collation.hpp"
#include "common/csv.hpp"
#include "report/labels.hpp"
#include "text/message.hpp"

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

// Classes in code order, staff (no class) last; in each, names in French order.
void sort_lines(std::vector<SheetLine>& lines) {
  std::vector<std::pair<std::string, SheetLine>> keyed;
  keyed.reserve(lines.size());
  for (auto& line : lines) {
    auto key = french_sort_key(line.surname + " " + line.given_name);
    keyed.emplace_back(std::move(key), std::move(line));
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(a.second.division.empty(), std::cref(a.second.division),
                           std::cref(a.first), std::cref(a.second.login)) <
           std::make_tuple(b.second.division.empty(), std::cref(b.second.division),
                           std::cref(b.first), std::cref(b.second.login));
  });
  lines.clear();
  for (auto& entry : keyed) lines.push_back(std::move(entry.second));
}

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;color:#111}section{page-break-after:always;"
    "margin:1.5em}header{display:flex;justify-content:space-between;border-bottom:1px solid "
    "#999;padding-bottom:.4em}h1{font-size:1.4em;margin:.6em 0}table{border-collapse:collapse;"
    "width:100%}td,th{border:1px solid #999;padding:.45em;text-align:left}td.secret{font-family:"
    "monospace;font-size:1.1em}.howto{margin-top:1.2em;font-size:.95em}";

void page_header(const SheetHeading& h, std::ostream& out) {
  std::string uais;
  for (const auto& uai : h.uais) uais += (uais.empty() ? "" : ", ") + uai;
  out << "<header><span><b>" << escape(h.school_name) << "</b> — UAI " << escape(uais)
      << "</span><span>" << text::say("report.accounts_created_on", h.language)
      << escape(date_label(h.language, h.created_on)) << "</span></header>";
}

// Where to log in, and that the password is to be changed at once.
void page_footer(const SheetHeading& h, std::ostream& out) {
  out << "<div class=\"howto\">";
  if (!h.login_addresses.empty()) {
    out << "<p><b>" << text::say("report.where_to_log_in", h.language) << " :</b></p><ul>";
    for (const auto& [target, address] : h.login_addresses)
      out << "<li>" << escape(target) << " : " << escape(address) << "</li>";
    out << "</ul>";
  }
  out << "<p>" << text::say("report.at_the_first_login_choose_a_new_password", h.language);
  if (!h.expires.empty()) {
    out << text::say("report.and_is_erased_from_our_files_on", h.language)
        << escape(date_label(h.language, h.expires));
  }
  out << text::say("report.never_give_it_to_anyone", h.language) << "</p></div>";
}

}  // namespace

std::string account_sheets_html(const SheetHeading& h, std::vector<SheetLine> lines) {
  sort_lines(lines);
  const std::string staff = text::say("report.staff", h.language);
  std::vector<std::pair<std::string, std::vector<const SheetLine*>>> pages;
  for (const auto& line : lines) {
    const auto& page = line.division.empty() ? staff : line.division;
    if (pages.empty() || pages.back().first != page) pages.push_back({page, {}});
    pages.back().second.push_back(&line);
  }
  std::ostringstream out;
  out << "<!DOCTYPE html><html lang=\"" << (h.language == "en" ? "en" : "fr")
      << "\"><head><meta charset=\"utf-8\">"
      << "<title>" << text::say("report.accounts_created", h.language) << escape(h.school_name)
      << " — " << escape(h.run_id) << "</title><style>" << kStyle << "</style></head><body>";
  if (pages.empty())
    out << "<p>" << text::say("report.no_account_created_by_this_run", h.language) << "</p>";
  for (const auto& [page, entries] : pages) {
    out << "<section>";
    page_header(h, out);
    out << "<h1>" << escape(page) << "</h1><table><tr><th>"
        << text::say("report.surname", h.language) << "</th><th>"
        << text::say("report.first_name", h.language) << "</th><th>"
        << text::say("report.login", h.language) << "</th><th>"
        << text::say("report.initial_password", h.language) << "</th></tr>";
    for (const auto* e : entries) {
      out << "<tr><td>" << escape(e->surname) << "</td><td>" << escape(e->given_name)
          << "</td><td class=\"secret\">" << escape(e->login) << "</td><td class=\"secret\">"
          << (e->password.empty() ? text::say("report.expired", h.language) : escape(e->password))
          << "</td></tr>";
    }
    out << "</table>";
    page_footer(h, out);
    out << "</section>";
  }
  out << "</body></html>\n";
  return out.str();
}

std::string account_sheets_csv(std::vector<SheetLine> lines) {
  sort_lines(lines);
  std::string csv =
      "\xEF\xBB\xBF"  // UTF-8 BOM: Excel then reads the accents right
      "division;nom;prenom;identifiant;mot_de_passe\r\n";
  for (const auto& l : lines) {
    csv += csv_field(l.division) + ";" + csv_field(l.surname) + ";" + csv_field(l.given_name) +
           ";" + csv_field(l.login) + ";" + csv_field(l.password) + "\r\n";
  }
  return csv;
}

}  // namespace edusync::report
