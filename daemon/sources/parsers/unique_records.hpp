#pragma once
// Each record of a growing list kept once, however often the export repeats it (a pupil in a
// group on several rows, a teacher's course on every slot of the week). The set holds the
// positions of the records kept, hashed and compared through their key: no key is built or
// stored, so a repeated record costs a lookup, and a new one a position.
#include <cstddef>
#include <functional>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "sources/exports.hpp"

namespace edusync::sources {

// Records (a std::vector or std::deque) and the function giving a record's key, a tuple of
// string views. The list must outlive this object and only grow while it is in use.
template <typename Records, auto key_of>
class UniqueRecords {
 public:
  explicit UniqueRecords(const Records& records)
      : records_(records), kept_(0, Hash{&records_}, Equal{&records_}) {}
  UniqueRecords(const UniqueRecords&) = delete;
  UniqueRecords& operator=(const UniqueRecords&) = delete;

  // True when the last record of the list has a new key; false when an earlier record has the
  // same one, and the caller removes the last.
  bool last_is_new() { return kept_.insert(records_.size() - 1).second; }

 private:
  struct Hash {
    const Records* records;
    std::size_t operator()(std::size_t index) const {
      std::size_t seed = 0;
      std::apply(
          [&](const auto&... field) {
            ((seed ^= std::hash<std::string_view>{}(field) + 0x9e3779b97f4a7c15ULL + (seed << 6) +
                      (seed >> 2)),
             ...);
          },
          key_of((*records)[index]));
      return seed;
    }
  };
  struct Equal {
    const Records* records;
    bool operator()(std::size_t a, std::size_t b) const {
      return key_of((*records)[a]) == key_of((*records)[b]);
    }
  };

  const Records& records_;
  std::unordered_set<std::size_t, Hash, Equal> kept_;
};

// A pupil's membership of a structure, whatever its dates and line.
inline auto membership_key(const TimetableMembership& m) {
  return std::tuple<std::string_view, std::string_view>(m.pupil_id, m.structure_id);
}

// A service by all that names its teacher, subject and audience (ids, or names and codes).
inline auto service_key(const TimetableService& s) {
  return std::tuple<std::string_view, std::string_view, std::string_view, std::string_view,
                    std::string_view, std::string_view, std::string_view>(
      s.teacher_id, s.teacher_surname, s.teacher_given_name, s.subject_id, s.subject_code,
      s.structure_id, s.structure_code);
}

using UniqueMemberships = UniqueRecords<std::deque<TimetableMembership>, membership_key>;
using UniqueServices = UniqueRecords<std::vector<TimetableService>, service_key>;

}  // namespace edusync::sources
