#include "plan.hpp"

#include <algorithm>
#include <stdexcept>

namespace gen {
namespace {

// Upper bounds of what one school may consume from each counter. Builders
// check them (IdAllocator); they only need to be safe, not tight.
constexpr std::uint64_t kPersonsPerRecord = 7;        // ≤ 6 per family + duplicates
constexpr std::uint64_t kMaxIdsSixSeven = 9'900'000;  // 100000..9999999

std::vector<std::size_t> school_sizes(const Options& options) {
  std::vector<std::size_t> sizes(options.schools, options.pupils);
  if (options.total_pupils == 0) return sizes;
  // Sizes vary from 0.5x to 1.5x the mean, then are scaled to the exact total.
  Rng rng(derive_seed(options.seed, 0));
  std::vector<std::uint64_t> weights(options.schools);
  std::uint64_t sum = 0;
  for (auto& w : weights) sum += (w = 50 + rng.below(101));
  if (sum == 0) return sizes;  // no school
  std::size_t assigned = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    sizes[i] = static_cast<std::size_t>(options.total_pupils * weights[i] / sum);
    assigned += sizes[i];
  }
  for (std::size_t i = 0; assigned < options.total_pupils; ++i, ++assigned)
    ++sizes[i % sizes.size()];
  return sizes;
}

Slice take(std::uint64_t& counter, std::uint64_t span) {
  const Slice slice{counter, span};
  counter += span;
  return slice;
}

IdSpace make_ids(std::uint64_t seed, std::uint64_t records, std::uint64_t persons,
                 std::uint64_t staff) {
  const std::uint64_t phones = persons + records;
  if (phones > 200'000'000)
    throw std::invalid_argument("too many people for unique +336/+337 mobiles");
  const auto perm = [&](std::uint64_t m, std::uint64_t k) {
    return Scrambler(m, derive_seed(seed ^ 0x1D5ULL, k));
  };
  IdSpace ids;
  ids.eleve_id = perm(std::max(kMaxIdsSixSeven, records), 1);
  ids.personne_id = perm(std::max(kMaxIdsSixSeven, persons), 2);
  ids.adresse_id = perm(std::max(kMaxIdsSixSeven, persons), 3);
  ids.individu_id = perm(std::max<std::uint64_t>(99'000, staff), 4);
  ids.ine = perm(676'000'000'000ULL, 5);      // 9 digits + 2 letters (RNIE)
  ids.ine_bea = perm(260'000'000'000ULL, 6);  // 10 digits + 1 letter (old BEA)
  ids.mobile = perm(200'000'000, 7);          // +336xxxxxxxx / +337xxxxxxxx
  ids.mail_tag = perm(std::max<std::uint64_t>(100'000, phones), 8);
  return ids;
}

}  // namespace

char uai_key(std::uint32_t number) {
  static constexpr char kLetters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
  return kLetters[number % 23];
}

std::string make_uai(std::uint32_t number) {
  std::string digits = std::to_string(number);
  digits.insert(0, 7 - std::min<std::size_t>(7, digits.size()), '0');
  return digits + uai_key(number);
}

Plan make_plan(const Options& options) {
  if (options.uai_base + options.schools - 1 > 9'999'999) {
    throw std::invalid_argument("--uai-base + --schools exceeds 7 digits");
  }
  const std::vector<std::size_t> sizes = school_sizes(options);
  Plan plan;
  std::uint64_t records = 0, persons = 0, addresses = 0, staff = 0;
  for (std::size_t i = 0; i < options.schools; ++i) {
    SchoolPlan school;
    school.index = i;
    const auto number = static_cast<std::uint32_t>(options.uai_base + i);
    school.uai = make_uai(number);
    school.rel_dir = options.schools == 1 ? "." : school.uai;
    school.dir = options.schools == 1 ? options.out_dir : options.out_dir + "/" + school.uai;
    school.seed = derive_seed(options.seed, i + 1);
    school.pupils = sizes[i];
    school.departed = (sizes[i] + 2) / 4;
    const std::uint64_t n_records = school.pupils + school.departed + 8;
    school.records = take(records, n_records);
    school.persons = take(persons, kPersonsPerRecord * n_records + 64);
    school.addresses = take(addresses, kPersonsPerRecord * n_records + 64);
    school.staff = take(staff, school.pupils / 4 + 64);
    plan.schools.push_back(std::move(school));
  }
  // Pupils' mobiles come after every person's, in the same number space.
  for (auto& school : plan.schools)
    school.pupil_phones = {persons + school.records.base, school.records.span};
  plan.ids = make_ids(options.seed, records, persons, staff);
  return plan;
}

}  // namespace gen
