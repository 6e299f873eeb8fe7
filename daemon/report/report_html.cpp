// One self-contained HTML page (inline CSS, one inline script: the filter; no external asset) that
// an operator opens in a browser or receives by e-mail. It stays readable at academy scale: each
// list shows its count and its first kHtmlListed entries, then says how many more there are and
// which JSON Lines file beside the report holds them all (report_lists.hpp).
#include <algorithm>
#include <map>
#include <sstream>

#include "report/labels.hpp"
#include "report/person_words.hpp"
#include "report/report_lists.hpp"
#include "report/run_report.hpp"
#include "report/summary.hpp"

namespace edusync::report {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr const char* kStyle = R"(
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
th{background:#f3f3f3}.num{text-align:right}.status{font-weight:bold;padding:.2em .6em;border-radius:.3em}
.ok{background:#d8f0d8}.held{background:#ffe0a0}.failed,.partial{background:#f6c6c6}
.figures{display:flex;flex-wrap:wrap;gap:.8em}.figure{border:1px solid #ddd;border-radius:.4em;padding:.5em 1em}
.figure b{display:block;font-size:1.4em}.actions{border:2px solid #d08000;background:#fff6e0;padding:.6em 1em;margin:1em 0}
.actions.quiet{border-color:#8c8;background:#f0f8f0}.actions ol{margin:.4em 0}.code{font-family:monospace;font-weight:bold}.note{color:#555}
)";

// "<li>… 1234 autres (liste complète : items.jsonl)</li>" when `total` exceeds `shown`.
std::string more_item(const Labels& l, std::size_t total, std::size_t shown, const char* file) {
  if (total <= shown) return "";
  return "<li class=\"note\">… " + std::to_string(total - shown) + " " + l.more + " (" +
         l.full_list + " " + file + ")</li>";
}

// What needs the operator, most urgent first, before anything else.
void actions_box(const RunReport& r, std::ostream& out) {
  const auto todo = actions(r);
  out << "<div class=\"actions" << (todo.empty() ? " quiet" : "") << "\"><b>"
      << text::say("report.to_do", r.language) << "</b>";
  if (todo.empty()) out << " : " << text::say("report.nothing_2", r.language);
  if (!todo.empty()) {
    out << "<ol>";
    for (const auto& action : todo) out << "<li>" << escape(action) << "</li>";
    out << "</ol>";
  }
  out << "</div>";
}

// An academy: how many persons changed in each school that changed, each linked to its section.
void schools_table(const RunReport& r, const Labels& l, std::ostream& out) {
  if (r.uais.size() < 2) return;
  const auto schools = school_summaries(r);
  out << "<h2>" << text::say("report.schools_with_changes", r.language) << " (" << schools.size()
      << text::say("report.of", r.language) << r.uais.size() << ")</h2>";
  if (schools.empty()) return;
  out << "<table><tr><th>UAI</th><th>" << l.added << "</th><th>" << l.updated << "</th><th>"
      << l.departed << "</th><th>" << l.returned << "</th><th>" << l.removed
      << "</th><th>Total</th></tr>";
  for (const auto& school : schools) {
    out << "<tr><td><a href=\"#uai-" << escape(school.uai) << "\">" << escape(school.uai)
        << "</a></td>";
    for (const char* op : {"added", "updated", "departed", "returned", "removed"}) {
      const auto found = school.by_op.find(op);
      out << "<td class=\"num\">" << (found == school.by_op.end() ? 0 : found->second) << "</td>";
    }
    out << "<td class=\"num\">" << school.total << "</td></tr>";
  }
  out << "</table>";
}

void figures(const RunReport& r, const Labels& l, std::ostream& out) {
  out << "<div class=\"figures\">";
  const std::pair<const char*, const char*> totals[] = {{"pupils", l.pupils},
                                                        {"guardians", l.guardians},
                                                        {"staff", l.staff},
                                                        {"divisions", l.divisions},
                                                        {"groups", l.groups}};
  for (const auto& [key, label] : totals) {
    const auto value = r.totals.contains(key) ? r.totals[key].dump() : "0";
    out << "<div class=\"figure\"><b>" << value << "</b>" << label << "</div>";
  }
  out << "</div>";
}

void changes_table(const RunReport& r, const Labels& l, std::ostream& out) {
  const auto counts = plan::count_changes(r.plan);
  out << "<h2>" << l.changes << "</h2>";
  if (r.plan.rollover) out << "<p class=\"note\">" << l.rollover << "</p>";
  out << "<table><tr><th></th><th>" << l.added << "</th><th>" << l.updated << "</th><th>"
      << l.departed << "</th><th>" << l.returned << "</th><th>" << l.removed << "</th><th>"
      << l.renamed << "</th></tr>";
  const std::pair<const char*, const char*> families[] = {
      {"pupils", l.pupils},       {"guardians", l.guardians}, {"staff", l.staff},
      {"divisions", l.divisions}, {"groups", l.groups},       {"memberships", l.memberships}};
  for (const auto& [family, label] : families) {
    out << "<tr><th>" << label << "</th>";
    for (const char* op : {"added", "updated", "departed", "returned", "removed", "renamed"}) {
      const auto& ops = counts.at(family);
      const auto found = ops.find(op);
      out << "<td class=\"num\">"
          << (found == ops.end() ? std::string("–") : std::to_string(found->second)) << "</td>";
    }
    out << "</tr>";
  }
  out << "</table>";
}

// Who changed: one table per school (a heading each when the report has several), with a
// filter over every row (the page's one script, inline). The first kHtmlNamed persons of each
// school, then how many more and the file that names them all.
void person_changes(const RunReport& r, const Labels& l, std::ostream& out) {
  if (r.person_changes.empty()) return;
  out << "<h2>" << l.who_changed << " (" << r.person_changes.size() << ")</h2>"
      << "<p><input id=\"filter\" type=\"search\" size=\"40\" placeholder=\""
      << text::say("report.filter_name_login_class", r.language) << "\"></p>";
  const bool schools = r.uais.size() > 1;
  const std::string header =
      std::string("<table><tr><th>") + text::say("report.class", r.language) + "</th><th>" +
      text::say("report.name", r.language) + "</th><th>" + text::say("report.login", r.language) +
      "</th><th>" + text::say("report.change", r.language) + "</th><th>" +
      text::say("report.detail", r.language) + "</th></tr>";
  std::string school;
  std::size_t in_school = 0;
  const std::size_t cap = schools ? kHtmlNamedPerSchool : kHtmlNamed;
  auto close_school = [&] {
    out << "</table>";
    if (in_school > cap)
      out << "<p class=\"note\">… " << in_school - cap << " " << l.more << " (" << l.full_list
          << " " << kPersonChangesFile << ")</p>";
  };
  for (const auto& c : r.person_changes) {
    if (in_school == 0 || c.uai != school) {
      if (in_school > 0) close_school();
      school = c.uai;
      in_school = 0;
      if (schools) out << "<h3 id=\"uai-" << escape(school) << "\">" << escape(school) << "</h3>";
      out << header;
    }
    if (in_school++ >= cap) continue;
    out << "<tr class=\"person " << escape(c.op) << "\"><td>" << escape(group_of(r.language, c))
        << "</td><td>" << escape(c.name) << "</td><td>" << escape(c.login) << "</td><td>"
        << person_op_label(r.language, c.op) << "</td><td>" << escape(change_detail(r.language, c))
        << "</td></tr>";
  }
  close_school();
  out << "<script>document.getElementById('filter').addEventListener('input',function(e){"
         "var q=e.target.value.toLowerCase();document.querySelectorAll('tr.person').forEach("
         "function(row){row.hidden=q!==''&&row.textContent.toLowerCase().indexOf(q)<0;});});"
         "</script>";
}

void renames_and_leavers(const RunReport& r, const Labels& l, std::ostream& out) {
  std::ostringstream renames;
  std::size_t rename_count = 0;
  for (const auto& item : r.plan.items) {
    if (item.op != plan::Op::rename) continue;
    if (rename_count++ < kHtmlListed) {
      renames << "<li>" << escape(item.fields.front().before) << " → " << escape(item.key)
              << "</li>";
    }
  }
  if (rename_count > 0) {
    out << "<h2>" << l.renames << " (" << rename_count << ")</h2><ul>" << renames.str()
        << more_item(l, rename_count, kHtmlListed, kItemsFile) << "</ul>";
  }
  if (r.leavers.empty()) return;
  out << "<h2>" << l.leavers << " (" << r.leavers.size() << ")</h2><table><tr><th>"
      << text::say("report.name", r.language) << "</th><th>"
      << text::say("report.login", r.language) << "</th><th>"
      << text::say("report.left_on", r.language) << "</th><th>"
      << text::say("report.removal_on", r.language) << "</th></tr>";
  for (std::size_t i = 0; i < r.leavers.size() && i < kHtmlListed; ++i) {
    const auto& x = r.leavers[i];
    out << "<tr><td>" << escape(x.name) << "</td><td>" << escape(x.login) << "</td><td>"
        << escape(date_label(r.language, x.departed_on)) << "</td><td>"
        << escape(date_label(r.language, x.removal_on)) << "</td></tr>";
  }
  out << "</table>";
  if (r.leavers.size() > kHtmlListed) {
    out << "<p class=\"note\">… " << r.leavers.size() - kHtmlListed << " " << l.more << " ("
        << l.full_list << " " << kLeaversFile << ")</p>";
  }
}

// Per code, its count and its first kHtmlListed messages; past them, where they all are.
void warnings_by_code(const std::vector<model::Warning>& warnings, const std::string& language,
                      const char* file, std::ostream& out) {
  const Labels& l = labels(language);
  std::map<std::string, std::pair<std::size_t, std::vector<const model::Warning*>>> by_code;
  for (const auto& w : warnings) {
    auto& entry = by_code[w.code];
    if (entry.first++ < kHtmlListed) entry.second.push_back(&w);
  }
  for (const auto& [code, entry] : by_code) {
    out << "<details><summary><span class=\"code\">" << escape(code) << "</span> (" << entry.first
        << ")</summary><ul>";
    for (const auto* w : entry.second)
      out << "<li>" << escape(text::render(w->message, language)) << "</li>";
    out << more_item(l, entry.first, entry.second.size(), file) << "</ul></details>";
  }
}

void messages(const RunReport& r, const Labels& l, std::ostream& out) {
  if (!r.gates.empty()) {
    out << "<h2>" << l.gates << "</h2><ul>";
    for (const auto& g : r.gates)
      out << "<li><span class=\"code\">" << g.code << "</span> "
          << escape(text::render(g.message, r.language)) << "</li>";
    out << "</ul>";
    if (r.status == "held") out << "<p><b>" << l.held_hint << "</b></p>";
  }
  out << "<h2>" << l.warnings << " (" << r.warnings.size() << ")</h2>";
  if (r.warnings.empty()) out << "<p>" << l.none << "</p>";
  warnings_by_code(r.warnings, r.language, kWarningsFile, out);
}

// A dry run or a held run: what each target would be sent.
void previews(const RunReport& r, std::ostream& out) {
  if (r.previews.empty()) return;
  out << "<h2>" << text::say("report.what_each_target_would_be_sent", r.language)
      << "</h2><table><tr><th>" << text::say("report.target", r.language)
      << "</th><th>Type</th><th>" << text::say("report.would_be_sent", r.language) << "</th></tr>";
  for (const auto& p : r.previews) {
    out << "<tr><td>" << escape(p.name) << "</td><td>" << escape(p.type) << "</td><td>"
        << escape(p.error.empty() ? preview_detail(r.language, p)
                                  : text::render(p.error, r.language));
    if (const auto files = preview_files_detail(r.language, p); !files.empty())
      out << "<br><small>" << escape(files) << "</small>";
    out << "</td></tr>";
  }
  out << "</table>";
}

void connectors(const RunReport& r, const Labels& l, std::ostream& out) {
  previews(r, out);
  if (r.connectors.empty() && !r.previews.empty()) return;
  out << "<h2>" << l.connectors << "</h2><table>";
  if (r.connectors.empty()) out << "<tr><td>" << l.none << "</td></tr>";
  if (!r.connectors.empty()) {
    out << "<tr><th>" << text::say("report.target", r.language) << "</th><th>Type</th><th>"
        << text::say("report.status", r.language) << "</th><th>"
        << text::say("report.operations_applied", r.language) << "</th><th>"
        << text::say("report.failures", r.language) << "</th><th>"
        << text::say("report.error", r.language) << "</th></tr>";
  }
  for (const auto& c : r.connectors) {
    out << "<tr><td>" << escape(c.name) << "</td><td>" << escape(c.type)
        << "</td><td><span class=\"status " << escape(c.status) << "\">"
        << escape(status_label(r.language, c.status)) << "</span></td><td class=\"num\">"
        << c.applied << "</td><td class=\"num\">" << c.failed << "</td><td>"
        << escape(text::render(c.error, r.language)) << "</td></tr>";
  }
  out << "</table>";
  for (const auto& c : r.connectors) {  // records a file target left out, and why
    if (c.warnings.empty()) continue;
    out << "<h3>" << escape(c.name) << " : " << l.warnings << " (" << c.warnings.size() << ")</h3>";
    warnings_by_code(c.warnings, r.language, kConnectorWarningsFile, out);
  }
}

void password_expiry(const RunReport& r, std::ostream& out) {
  const auto& expiry = r.expired_passwords;
  if (expiry.empty()) return;
  out << "<h2>" << expiry_heading(r.language) << "</h2><p class=\"note\">"
      << escape(expiry_sentence(r.language, expiry)) << ".</p><ul>";
  for (const auto& file : expiry.files) out << "<li>" << escape(file) << "</li>";
  for (const auto& failure : expiry.failures)
    out << "<li><b>" << expiry_failure(r.language) << "</b>" << escape(failure) << "</li>";
  out << "</ul>";
}

}  // namespace

std::string to_html(const RunReport& r) {
  const Labels& l = labels(r.language);
  std::ostringstream out;
  out << "<!DOCTYPE html><html lang=\"" << (r.language == "en" ? "en" : "fr")
      << "\"><head><meta charset=\"utf-8\"><title>" << l.title << " " << escape(r.id)
      << "</title><style>" << kStyle << "</style></head><body><h1>" << l.title << "</h1><p>"
      << l.run << " <b>" << escape(r.id) << "</b> — " << l.school_year << " "
      << escape(school_year_label(r.school_year)) << " — <span class=\"status " << escape(r.status)
      << "\">" << escape(status_label(r.language, r.status)) << "</span></p>";
  if (r.dry_run) out << "<p class=\"note\">" << l.dry_run << "</p>";
  if (!r.error.empty()) out << "<p><b>" << escape(r.error) << "</b></p>";
  if (!r.unchanged_since.empty()) {
    out << "<p class=\"note\">" << l.unchanged << " " << escape(r.unchanged_since) << " — "
        << l.unchanged_hint << " " << escape(r.unchanged_report) << "</p>";
  }
  if (!r.schools_reused.empty()) out << "<p class=\"note\">" << escape(schools_line(r)) << "</p>";
  actions_box(r, out);
  figures(r, l, out);
  schools_table(r, l, out);
  changes_table(r, l, out);
  messages(r, l, out);
  person_changes(r, l, out);
  renames_and_leavers(r, l, out);
  connectors(r, l, out);
  password_expiry(r, out);
  out << "<h2>" << l.inputs << " (" << r.sources.size() << ")</h2><ul>";
  for (std::size_t i = 0; i < r.sources.size() && i < kHtmlListed; ++i) {
    const auto& s = r.sources[i];
    out << "<li>" << escape(s.path) << " (" << sources::to_string(s.kind) << ", " << s.records
        << ")</li>";
  }
  if (r.sources.size() > kHtmlListed) {
    out << "<li class=\"note\">… " << r.sources.size() - kHtmlListed << " " << l.more << " ("
        << l.full_list << " report.json, sources)</li>";
  }
  out << "</ul></body></html>\n";
  return out.str();
}

}  // namespace edusync::report
