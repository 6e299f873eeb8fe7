// SIECLE's "doublons responsables": one person entered as several PERSONNE_ID. Records look like
// the same person when they have the same folded name (surname and given name) and share a
// mobile or an e-mail, directly or through another record of the cluster (A and B share a
// mobile, B and C an e-mail: A, B and C are one person). Each cluster gives ONE warning naming
// all its records, so that k records of a foster-care educator sharing a placeholder e-mail give
// one warning, not k². A placeholder e-mail shared by people with different names merges
// nothing: the name must match first. Records are compared within one school (UAI): a parent
// with children in two schools of a cité scolaire is one record in each school's base, not a
// duplicate to merge.
#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "assemble/context.hpp"
#include "common/ascii_fold.hpp"

namespace edusync::assemble {
namespace {

// Union-find over positions 0..n-1 (path halving, union by smaller root for determinism).
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }

  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }

  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

std::string lower_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// "<UAI>\x1f<folded surname>\x1f<folded given name>", or empty when the record has no name to
// compare (no name says nothing about being the same person).
std::string name_bucket(const Context& context, const model::Contact& guardian) {
  const std::string surname = fold_name(guardian.surname);
  const std::string given_name = fold_name(guardian.given_name);
  if (surname.empty() && given_name.empty()) return {};
  const std::string scope = context.exports[guardian.origin.source].header.uai;
  return scope + '\x1f' + surname + '\x1f' + given_name;
}

// The clusters (positions in `guardians`, ascending) of two or more records of one name bucket
// linked by shared contact values. Each value is joined to the first record that holds it, so
// the cost is linear in the bucket, however many records share a placeholder e-mail.
std::vector<std::vector<std::size_t>> clusters_of(const std::vector<model::Contact>& guardians,
                                                  const std::vector<std::size_t>& bucket) {
  DisjointSets sets(bucket.size());
  std::unordered_map<std::string, std::size_t> first_holder;
  for (std::size_t position = 0; position < bucket.size(); ++position) {
    const auto& guardian = guardians[bucket[position]];
    for (const auto& value :
         {guardian.mobile.empty() ? std::string() : "m " + guardian.mobile,
          guardian.email.empty() ? std::string() : "e " + lower_ascii(guardian.email)}) {
      if (value.empty()) continue;
      const auto [found, inserted] = first_holder.try_emplace(value, position);
      if (!inserted) sets.unite(found->second, position);
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> by_root;
  for (std::size_t position = 0; position < bucket.size(); ++position) {
    by_root[sets.find(position)].push_back(bucket[position]);
  }
  std::vector<std::vector<std::size_t>> clusters;
  for (auto& [root, members] : by_root) {
    if (members.size() > 1) clusters.push_back(std::move(members));
  }
  return clusters;
}

// The contact values held by at least two records of the cluster, as the message shows them:
// mobiles first, then e-mails.
std::vector<text::Message> shared_values(const std::vector<model::Contact>& guardians,
                                         const std::vector<std::size_t>& cluster) {
  // "1 <mobile>" / "2 <folded e-mail>" -> (as shown, number of records holding it)
  std::map<std::string, std::pair<text::Message, std::size_t>> seen;
  for (std::size_t index : cluster) {
    const auto& guardian = guardians[index];
    if (!guardian.mobile.empty()) {
      auto& entry = seen["1 " + guardian.mobile];
      if (entry.second++ == 0)
        entry.first = text::message("warning.same_mobile", {text::arg("value", guardian.mobile)});
    }
    if (!guardian.email.empty()) {
      auto& entry = seen["2 " + lower_ascii(guardian.email)];
      if (entry.second++ == 0)
        entry.first = text::message("warning.same_email", {text::arg("value", guardian.email)});
    }
  }
  std::vector<text::Message> shared;
  for (const auto& [value, entry] : seen) {
    if (entry.second > 1) shared.push_back(entry.first);
  }
  return shared;
}

}  // namespace

void find_duplicate_guardians(Context& context) {
  const auto& guardians = context.directory.guardians;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < guardians.size(); ++i) {
    auto bucket = name_bucket(context, guardians[i]);
    if (!bucket.empty()) by_name[std::move(bucket)].push_back(i);
  }
  std::vector<std::vector<std::size_t>> clusters;
  for (const auto& [name, bucket] : by_name) {
    if (bucket.size() < 2) continue;
    for (auto& cluster : clusters_of(guardians, bucket)) clusters.push_back(std::move(cluster));
  }
  std::sort(clusters.begin(), clusters.end());  // deterministic: by the first record read
  for (const auto& cluster : clusters) {
    std::vector<const model::Contact*> records;
    records.reserve(cluster.size());
    for (std::size_t index : cluster) records.push_back(&guardians[index]);
    // Where: the first record that repeats an earlier one (the one to merge away).
    const auto& repeat = *records[1];
    context.warnings.duplicate_guardian(records, shared_values(guardians, cluster),
                                        context.where(repeat.origin.source, repeat.origin.line));
  }
}

}  // namespace edusync::assemble
