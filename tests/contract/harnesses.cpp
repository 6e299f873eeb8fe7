#include "contract/harness.hpp"

namespace edusync::contract {

const std::map<std::string, HarnessMaker>& harnesses() {
  static const std::map<std::string, HarnessMaker> by_type = [] {
    std::map<std::string, HarnessMaker> makers;
    makers["journal"] = [](auto) { return make_journal_harness(); };
    makers["ldap-sambaedu"] = [](auto) { return make_sambaedu_harness(); };
    for (const char* type : {"koxo-csv", "ent-csv", "pix-orga", "elea-csv"})
      makers[type] = [type](auto) { return make_file_target_harness(type); };
    makers[test::kFakeType] = [](auto fakes) { return make_fake_harness(std::move(fakes)); };
    return makers;
  }();
  return by_type;
}

}  // namespace edusync::contract
