// Deterministic pseudo-random numbers for the generator.
//
// Contract: the whole output of edusync-gen is a pure function of the command
// line. All randomness goes through this header, whose algorithms are fully
// specified here (SplitMix64 for seeding, xoshiro256** for the stream,
// rejection sampling for bounded integers). Nothing from <random> is used:
// its distributions are implementation-defined and would make the synthetic
// exports differ between libstdc++ versions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace gen {

// SplitMix64 step (Steele, Lea, Flood 2014): advances `state`, returns output.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Derives an independent seed for stream `index` of a master seed.
inline std::uint64_t derive_seed(std::uint64_t master, std::uint64_t index) {
  std::uint64_t s = master ^ (index * 0xD1B54A32D192ED03ULL);
  splitmix64(s);
  return splitmix64(s);
}

// xoshiro256** 1.0 (Blackman, Vigna 2018).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& word : s_) word = splitmix64(seed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n > 0. Rejects the top partial block: no modulo bias.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      const std::uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }

  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }

  // Uniform in [lo, hi], lo <= hi.
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability p (53-bit resolution; IEEE doubles are exact here).
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }

  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[index(items.size())];
  }

  // Fisher-Yates with our own bounded draw (std::shuffle is unspecified).
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[index(i)]);
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4]{};
};

// Keyed bijection on [0, m): a xor-multiply mixer on the smallest power of
// two >= m, with "cycle walking" (re-apply until the value falls below m;
// fewer than two rounds on average). Hands out identifiers that look random
// but are unique by construction, so no accidental duplicate (INE, phone,
// id) can ever be generated and no collision check is needed.
class Scrambler {
 public:
  Scrambler() = default;
  Scrambler(std::uint64_t m, std::uint64_t seed) : m_(m) {
    while (bits_ < 64 && (1ULL << bits_) < m_) ++bits_;
    mask_ = bits_ == 64 ? ~0ULL : (1ULL << bits_) - 1;
    Rng rng(seed);
    for (auto& k : keys_) k = rng.next() | 1;  // odd: multiplication is invertible
  }
  std::uint64_t operator()(std::uint64_t x) const {
    x %= m_;
    do x = mix(x);
    while (x >= m_);
    return x;
  }
  std::uint64_t modulus() const { return m_; }

 private:
  // Each step is a bijection on bits_-bit integers (xor with a constant,
  // multiplication by an odd constant mod 2^bits_, xor with a right shift).
  std::uint64_t mix(std::uint64_t x) const {
    const int shift = bits_ / 2 + 1;
    for (std::uint64_t key : keys_) {
      x = ((x ^ (key >> 7)) * key) & mask_;
      x ^= x >> shift;
    }
    return x;
  }
  std::uint64_t m_ = 1, mask_ = 0;
  int bits_ = 0;
  std::uint64_t keys_[4]{};
};

}  // namespace gen
