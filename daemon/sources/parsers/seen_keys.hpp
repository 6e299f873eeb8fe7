#pragma once
// The tuples a parser has already emitted (a pupil in a group, a teacher's service to an
// audience), so that each is emitted once however often the export repeats it. One string per
// tuple in a hash set: each field is written after its length, so two different tuples never
// give the same key, whatever bytes the fields hold.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

namespace edusync::sources {

class SeenKeys {
 public:
  // True the first time these fields are seen, in this order; false afterwards.
  bool first_time(std::initializer_list<std::string_view> fields) {
    std::string key;
    std::size_t size = 0;
    for (const auto field : fields) size += field.size() + sizeof(std::uint32_t);
    key.reserve(size);
    for (const auto field : fields) {
      const auto length = static_cast<std::uint32_t>(field.size());
      key.append(reinterpret_cast<const char*>(&length), sizeof length);
      key.append(field);
    }
    return keys_.insert(std::move(key)).second;
  }

 private:
  std::unordered_set<std::string> keys_;
};

}  // namespace edusync::sources
