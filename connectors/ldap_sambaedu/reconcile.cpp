#include "connectors/ldap_sambaedu/reconcile.hpp"

#include <algorithm>
#include <cctype>

#include "connectors/ldap_sambaedu/reconcile_internal.hpp"

namespace edusync::connectors::ldap {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::size_t Work::size() const {
  std::size_t total = 0;
  for (const auto& phase : phases) total += phase.size();
  return total;
}

namespace detail {

const Values& actual_values(const Entry& actual, const std::string& name) {
  return actual.values(lower(name));
}

bool same_values(const Values& a, const Values& b) {
  if (a.size() != b.size()) return false;
  auto x = a;
  auto y = b;
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

Values missing_ignoring_case(const Values& wanted, const Values& have) {
  std::set<std::string> present;
  for (const auto& value : have) present.insert(lower(value));
  Values missing;
  for (const auto& value : wanted) {
    if (!present.contains(lower(value))) missing.push_back(value);
  }
  return missing;
}

std::string join(const Values& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

std::vector<Modification> modifications(const Entry& actual, const Attributes& wanted,
                                        const std::vector<std::string>& skip) {
  std::vector<Modification> mods;
  for (const auto& [name, values] : wanted) {
    if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    const auto& have = actual_values(actual, name);
    if (name == "objectClass") {
      auto missing = missing_ignoring_case(values, have);
      if (!missing.empty()) mods.push_back({Modification::Op::add, name, std::move(missing)});
    } else if (!same_values(values, have)) {
      mods.push_back({Modification::Op::replace, name, values});
    }
  }
  return mods;
}

Operation add_operation(const std::string& dn, const Attributes& attributes) {
  Operation operation{Operation::Kind::add, dn, {}, {}, {}};
  for (const auto& [name, values] : attributes) {
    if (!values.empty()) operation.modifications.push_back({Modification::Op::add, name, values});
  }
  return operation;
}

Operation modify_operation(const std::string& dn, std::vector<Modification> modifications) {
  return {Operation::Kind::modify, dn, std::move(modifications), {}, {}};
}

Operation rename_operation(const std::string& dn, const std::string& new_rdn,
                           const std::string& new_superior) {
  return {Operation::Kind::rename, dn, {}, new_rdn, new_superior};
}

Operation remove_operation(const std::string& dn) {
  return {Operation::Kind::remove, dn, {}, {}, {}};
}

}  // namespace detail

Work reconcile(const ReconcileInput& input) {
  Work work;
  for (const char* branch : {"People", "Groups", "Trash"}) {
    if (!input.actual.missing_branches.contains(branch)) continue;
    work.phases[0].push_back(
        {detail::add_operation(std::string("ou=") + branch + "," + input.layout.base_dn,
                               {{"objectClass", {"top", "organizationalUnit"}}, {"ou", {branch}}}),
         std::string("ou=") + branch});
  }
  detail::reconcile_users(input, work);
  detail::reconcile_groups(input, work);
  return work;
}

}  // namespace edusync::connectors::ldap
