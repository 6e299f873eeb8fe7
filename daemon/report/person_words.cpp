#include "report/person_words.hpp"

#include <initializer_list>

#include "report/labels.hpp"

namespace edusync::report {
namespace {

bool is_date_field(const std::string& field) {
  return field == "birth_date" || field == "exit_date";
}

std::string value_label(const std::string& language, const std::string& field,
                        const std::string& value) {
  if (value.empty()) return language == "en" ? "(empty)" : "(vide)";
  return is_date_field(field) ? date_label(language, value) : value;
}

// "à créer" / "to create": what `op` does to an entry of `family` on the target.
std::string verb(bool english, const ConnectorPreview& preview, const std::string& family,
                 const std::string& op) {
  if (op == "added") {
    if (family == "memberships") return english ? "to add" : "à ajouter";
    return english ? "to create" : "à créer";
  }
  if (op == "updated") return english ? "to update" : "à modifier";
  if (op == "departed") {
    if (preview.disables_accounts) return english ? "to disable" : "à désactiver";
    return english ? "leaving" : "partis";
  }
  if (op == "returned") return english ? "to enable again" : "à réactiver";
  if (op == "renamed") return english ? "to rename" : "à renommer";
  if (family == "memberships") return english ? "to remove" : "à retirer";
  return english ? "to remove" : "à supprimer";
}

// "1 à créer, 3 à désactiver" for the counts of `families` added together; empty when all zero.
std::string counted(bool english, const ConnectorPreview& preview,
                    std::initializer_list<const char*> families) {
  std::string text;
  for (const char* op : {"added", "updated", "departed", "returned", "renamed", "removed"}) {
    std::uint64_t count = 0;
    for (const char* family : families) {
      const auto found = preview.changes.find(family);
      if (found == preview.changes.end()) continue;
      const auto of_op = found->second.find(op);
      if (of_op != found->second.end()) count += of_op->second;
    }
    if (count == 0) continue;
    text += (text.empty() ? "" : ", ") + std::to_string(count) + " " +
            verb(english, preview, families.size() == 1 ? *families.begin() : "accounts", op);
  }
  return text;
}

}  // namespace

namespace {

constexpr std::size_t kPreviewFilesNamed = 5;

// "45 Ko", "812 octets": a file's size, in kilobytes from 10 kB on.
text::Message size_words(std::uint64_t bytes) {
  if (bytes < 10'240) return text::message("report.size.bytes", {text::count("n", bytes)});
  return text::message("report.size.kb", {text::arg("n", std::to_string((bytes + 512) / 1024))});
}

}  // namespace

std::string preview_files_detail(const std::string& language, const ConnectorPreview& preview) {
  if (preview.files.empty()) return {};
  std::vector<text::Message> named;
  std::uint64_t rows = 0;
  for (const auto& file : preview.files) {
    if (file.rows > 0) rows += static_cast<std::uint64_t>(file.rows);
    if (named.size() == kPreviewFilesNamed) continue;
    if (file.rows < 0) {
      named.push_back(text::message(
          "report.preview.file",
          {text::arg("name", file.name), text::nested("size", size_words(file.bytes))}));
    } else {
      named.push_back(text::message(
          "report.preview.file_rows",
          {text::arg("name", file.name), text::count("rows", static_cast<std::uint64_t>(file.rows)),
           text::nested("size", size_words(file.bytes))}));
    }
  }
  if (preview.files.size() > kPreviewFilesNamed) {
    named.push_back(
        text::message("report.preview.more_files",
                      {text::count("count", preview.files.size() - kPreviewFilesNamed)}));
  }
  return text::render(text::message("report.preview.files",
                                    {text::count("count", preview.files.size()),
                                     text::count("rows", rows), text::nested_list("files", named)}),
                      language);
}

std::string preview_detail(const std::string& language, const ConnectorPreview& preview) {
  const bool english = language == "en";
  struct Part {
    const char* french;
    const char* english;
    std::string counts;
  };
  const Part parts[] = {
      {"comptes", "accounts", counted(english, preview, {"pupils", "staff"})},
      {"responsables", "guardians", counted(english, preview, {"guardians"})},
      {"divisions", "divisions", counted(english, preview, {"divisions"})},
      {"groupes", "groups", counted(english, preview, {"groups"})},
      {"appartenances", "memberships", counted(english, preview, {"memberships"})}};
  std::string detail;
  for (const auto& part : parts) {
    if (part.counts.empty()) continue;
    // French sets a space before a colon and a semicolon, English does not.
    detail += (detail.empty() ? ""
               : english      ? "; "
                              : " ; ") +
              std::string(english ? part.english : part.french) + (english ? ": " : " : ") +
              part.counts;
  }
  if (detail.empty()) return english ? "nothing to send" : "rien à envoyer";
  return detail;
}

std::string group_of(const std::string& language, const PersonChange& change) {
  if (change.kind == "pupil" && !change.division.empty()) return change.division;
  return people_heading(language, change.kind);
}

std::string change_detail(const std::string& language, const PersonChange& change) {
  if (change.op == "departed" && !change.removal_on.empty()) {
    return (language == "en" ? "removal on " : "suppression le ") +
           date_label(language, change.removal_on);
  }
  std::string detail;
  for (const auto& f : change.fields) {
    const bool english = language == "en";  // no space before : and ; in English
    if (!detail.empty()) detail += english ? "; " : " ; ";
    detail += field_label(language, f.field) + (english ? ": " : " : ") +
              value_label(language, f.field, f.before) + " → " +
              value_label(language, f.field, f.after);
  }
  return detail;
}

const char* expiry_heading(const std::string& language) {
  return language == "en" ? "Expired initial passwords" : "Mots de passe initiaux expirés";
}

std::string expiry_sentence(const std::string& language, const PasswordExpiry& expiry) {
  if (language == "en") {
    return counted_noun(language, expiry.passwords, "initial password erased",
                        "initial passwords erased") +
           " from the state (identity.password_retention_days), " +
           counted_noun(language, expiry.files.size(), "file rewritten", "files rewritten") +
           " without passwords";
  }
  return counted_noun(language, expiry.passwords, "mot de passe initial effacé",
                      "mots de passe initiaux effacés") +
         " de la base d'état (identity.password_retention_days), " +
         counted_noun(language, expiry.files.size(), "fichier réécrit", "fichiers réécrits") +
         " sans mot de passe";
}

const char* expiry_failure(const std::string& language) {
  return language == "en" ? "FAILED, the passwords are still there (tried again at the next run): "
                          : "ÉCHEC, mots de passe encore présents (nouvel essai au prochain "
                            "passage) : ";
}

}  // namespace edusync::report
