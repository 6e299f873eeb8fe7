// The operator's summary: what was read, what changed, what needs attention. Short enough for
// an e-mail at any scale: the first kTextListed entries of each list and a count per warning
// code; the JSON Lines files beside the report hold every entry (report_lists.hpp).
#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "report/labels.hpp"
#include "report/person_words.hpp"
#include "report/report_lists.hpp"
#include "report/run_report.hpp"
#include "report/summary.hpp"

namespace edusync::report {
namespace {

// French sets a space before a colon, English does not.
const char* colon(const std::string& language) {
  return language == "en" ? ":" : " :";
}

void print_changes(const RunReport& r, const Labels& l, std::ostream& out) {
  const auto counts = plan::count_changes(r.plan);
  out << l.changes << colon(r.language) << "\n";
  const std::pair<const char*, const char*> families[] = {
      {"pupils", l.pupils},       {"guardians", l.guardians}, {"staff", l.staff},
      {"divisions", l.divisions}, {"groups", l.groups},       {"memberships", l.memberships}};
  for (const auto& [family, label] : families) {
    std::string line;
    const auto& family_counts = counts.at(family);
    for (const char* op : {"added", "updated", "departed", "returned", "removed", "renamed"}) {
      const auto found = family_counts.find(op);
      if (found == family_counts.end()) continue;
      line += (line.empty() ? " " : ", ") + count_label(r.language, found->second, family, op);
    }
    out << "  " << label << colon(r.language) << line << "\n";
  }
  if (r.plan.rollover) out << "  " << l.rollover << "\n";
}

// Who changed, grouped by school (when the report has several) and class: the first kTextNamed
// persons, then how many more and the file that names them all.
void print_person_changes(const RunReport& r, const Labels& l, std::ostream& out) {
  if (r.person_changes.empty()) return;
  out << "\n"
      << l.who_changed << " (" << r.person_changes.size() << ")" << colon(r.language) << "\n";
  const bool schools = r.uais.size() > 1;
  std::string group;
  std::size_t shown = 0;
  for (const auto& change : r.person_changes) {
    if (shown++ == kTextNamed) {
      out << "  … (+" << r.person_changes.size() - kTextNamed << " " << l.more << ", "
          << l.full_list << " " << kPersonChangesFile << ")\n";
      break;
    }
    const auto heading =
        (schools ? change.uai + " — " : std::string()) + group_of(r.language, change);
    if (heading != group) out << "  " << (group = heading) << colon(r.language) << "\n";
    out << "    - " << person_op_label(r.language, change.op) << colon(r.language) << " "
        << change.name;
    if (!change.login.empty()) out << " (" << change.login << ")";
    const auto detail = change_detail(r.language, change);
    if (!detail.empty()) out << " — " << detail;
    out << "\n";
  }
}

// "autres, liste complète : <file>", said where a list is cut.
std::string full_list(const Labels& l, const char* file) {
  return std::string(l.more) + ", " + l.full_list + " " + file;
}

// The first kTextListed entries; past them, how many more (and `hint`: where they all are).
// `indent` places the list under a heading (a connector's warnings under its target).
template <typename Items, typename Print>
void print_list(const std::string& language, const char* title, const Items& items,
                std::ostream& out, Print print, const std::string& hint = "",
                const std::string& indent = "") {
  if (items.empty()) return;
  out << (indent.empty() ? "\n" : "") << indent << title << " (" << items.size() << ")"
      << colon(language) << "\n";
  std::size_t shown = 0;
  for (const auto& item : items) {
    if (shown++ == kTextListed) {
      out << indent << "  … (+" << items.size() - kTextListed << (hint.empty() ? "" : " " + hint)
          << ")\n";
      break;
    }
    out << indent << "  - ";
    print(item);
    out << "\n";
  }
}

// What was erased, and what could not be.
void print_password_expiry(const RunReport& r, std::ostream& out) {
  const auto& expiry = r.expired_passwords;
  if (expiry.empty()) return;
  out << "\n"
      << expiry_heading(r.language) << colon(r.language) << " "
      << expiry_sentence(r.language, expiry) << "\n";
  for (const auto& file : expiry.files) out << "  " << file << "\n";
  for (const auto& failure : expiry.failures)
    out << "  " << expiry_failure(r.language) << failure << "\n";
}

// The exports read, each with its kind and records; past kTextListed files (an academy), one
// line per kind: how many files and records (report.json `sources` lists every file).
void print_sources(const RunReport& r, const Labels& l, std::ostream& out) {
  out << "\n" << l.inputs << " (" << r.sources.size() << ")" << colon(r.language) << "\n";
  if (r.sources.size() <= kTextListed) {
    for (const auto& s : r.sources)
      out << "  " << s.path << " (" << sources::to_string(s.kind) << ", " << s.records << ")\n";
    return;
  }
  std::map<std::string, std::pair<std::size_t, std::uint64_t>> by_kind;
  for (const auto& s : r.sources) {
    auto& kind = by_kind[std::string(sources::to_string(s.kind))];
    kind.first++;
    kind.second += s.records;
  }
  for (const auto& [kind, counts] : by_kind) {
    out << "  " << kind << colon(r.language) << " "
        << counted_noun(r.language, counts.first, text::say("report.file", r.language),
                        text::say("report.files", r.language))
        << ", "
        << counted_noun(r.language, counts.second, text::say("report.record", r.language),
                        text::say("report.records", r.language))
        << "\n";
  }
  out << "  (" << l.full_list << " report.json, sources)\n";
}

// What needs the operator, most urgent first.
void print_actions(const RunReport& r, std::ostream& out) {
  const auto todo = actions(r);
  out << "\n" << text::say("report.to_do", r.language) << colon(r.language);
  if (todo.empty()) out << text::say("report.nothing", r.language);
  out << "\n";
  for (const auto& action : todo) out << "  ! " << action << "\n";
}

// A dry run or a held run: what each target would be sent.
void print_previews(const RunReport& r, std::ostream& out) {
  if (r.previews.empty()) return;
  out << "\n"
      << text::say("report.what_each_target_would_be_sent", r.language) << colon(r.language)
      << "\n";
  for (const auto& p : r.previews) {
    out << "  " << p.name << " (" << p.type << ")" << colon(r.language) << " ";
    if (!p.error.empty())
      out << text::say("report.cannot_be_made", r.language) << text::render(p.error, r.language)
          << "\n";
    else
      out << preview_detail(r.language, p) << "\n";
    if (const auto files = preview_files_detail(r.language, p); !files.empty())
      out << "    " << files << "\n";
  }
}

}  // namespace

std::string to_text(const RunReport& r) {
  const Labels& l = labels(r.language);
  std::ostringstream out;
  out << l.title << "\n"
      << l.run << " " << r.id << " — " << l.status << colon(r.language) << " "
      << status_label(r.language, r.status);
  if (r.confirmed) out << " (--confirm)";
  out << "\n"
      << l.school_year << colon(r.language) << " " << school_year_label(r.school_year) << "\n";
  if (r.dry_run) out << l.dry_run << "\n";
  if (!r.error.empty()) out << r.error << "\n";
  if (!r.unchanged_since.empty()) {
    out << l.unchanged << " " << r.unchanged_since << " — " << l.unchanged_hint << " "
        << r.unchanged_report << "\n";
  }
  if (!r.schools_reused.empty()) out << schools_line(r) << "\n";
  print_actions(r, out);
  print_sources(r, l, out);
  print_list(
      r.language, l.ignored, r.ignored_inputs, out,
      [&](const auto& f) {
        out << f.path << colon(r.language) << " " << text::render(f.reason, r.language);
      },
      full_list(l, kIgnoredInputsFile));
  out << "\n";
  print_changes(r, l, out);
  print_person_changes(r, l, out);
  std::vector<const plan::Item*> renames;
  for (const auto& item : r.plan.items) {
    if (item.op == plan::Op::rename) renames.push_back(&item);
  }
  print_list(
      r.language, l.renames, renames, out,
      [&](const plan::Item* item) {
        const bool group = item->entity == plan::Entity::group;
        out << (group ? (r.language == "en" ? "group " : "groupe ") : "division ")
            << item->fields.front().before << " → " << item->key;
      },
      full_list(l, kItemsFile));
  print_list(r.language, l.gates, r.gates, out,
             [&](const auto& g) { out << g.code << " — " << text::render(g.message, r.language); });
  if (!r.gates.empty() && r.status == "held") out << "  " << l.held_hint << "\n";
  print_list(
      r.language, l.leavers, r.leavers, out,
      [&](const auto& x) {
        out << x.name << " (" << (x.login.empty() ? x.key : x.login) << ") — " << l.removal_on
            << " " << date_label(r.language, x.removal_on);
      },
      full_list(l, kLeaversFile));
  print_list(
      r.language, l.new_accounts, r.new_accounts, out,
      [&](const auto& a) {
        out << a.login << colon(r.language) << " " << a.surname << " " << a.given_name
            << (a.division.empty() ? "" : " (" + a.division + ")");
      },
      full_list(l, kNewAccountsFile));
  print_password_expiry(r, out);
  std::map<std::string, std::size_t> by_code;
  for (const auto& w : r.warnings) by_code[w.code]++;
  if (!by_code.empty()) {
    out << "\n" << l.warnings << colon(r.language) << "\n";
    for (const auto& [code, count] : by_code)
      out << "  " << code << colon(r.language) << " " << count << "\n";
  }
  print_previews(r, out);
  out << "\n" << l.connectors << colon(r.language) << "\n";
  if (r.connectors.empty()) out << "  " << (r.previews.empty() ? l.none : l.not_called) << "\n";
  for (const auto& c : r.connectors) {
    out << "  " << c.name << " (" << c.type << ")" << colon(r.language) << " "
        << status_label(r.language, c.status) << ", "
        << applied_words(r.language, c.applied, c.failed);
    if (!c.error.empty()) out << " — " << text::render(c.error, r.language);
    out << "\n";
    print_list(
        r.language, l.warnings, c.warnings, out,
        [&](const auto& w) { out << w.code << " — " << text::render(w.message, r.language); }, "",
        "    ");
  }
  const bool cut = std::any_of(r.connectors.begin(), r.connectors.end(),
                               [](const auto& c) { return c.warnings.size() > kTextListed; });
  if (cut) out << "  (" << l.full_list << " " << kConnectorWarningsFile << ")\n";
  return out.str();
}

}  // namespace edusync::report
