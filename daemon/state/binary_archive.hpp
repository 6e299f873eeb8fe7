#pragma once
// The binary archive of the state's blobs (snapshots, schools' parts): varint integers and
// enums, length-prefixed strings and vectors, and records through their `fields()` function
// (snapshot_fields.hpp), found by argument-dependent lookup. A Reader never reads past its
// input: a truncated or corrupt blob throws std::runtime_error.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace edusync::state {

class Writer {
 public:
  std::string out;

  template <typename... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

 private:
  void varint(std::uint64_t value) {
    while (value >= 0x80) {
      out.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out.push_back(static_cast<char>(value));
  }
  void put(const std::string& s) {
    varint(s.size());
    out.append(s);
  }
  void put(bool b) { out.push_back(b ? '\1' : '\0'); }
  template <typename E>
  requires std::is_enum_v<E>
  void put(E e) { varint(static_cast<std::uint64_t>(e)); }
  template <typename I>
  requires std::is_integral_v<I>
  void put(I i) { varint(static_cast<std::uint64_t>(i)); }
  template <typename T>
  void put(const std::vector<T>& items) {
    varint(items.size());
    for (const auto& item : items) put(item);
  }
  template <typename T>
  requires std::is_class_v<T>
  void put(const T& record) { fields(*this, record); }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename... T>
  void operator()(T&... values) {
    (get(values), ...);
  }

  bool at_end() const { return offset_ == in_.size(); }
  void expect_magic(const char (&magic)[4]) {
    if (in_.size() < 4 || std::memcmp(in_.data(), magic, 4) != 0) fail();
    offset_ = 4;
  }
  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (offset_ >= in_.size()) fail();
      const auto byte = static_cast<std::uint8_t>(in_[offset_++]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    fail();
  }

 private:
  [[noreturn]] static void fail() {
    throw std::runtime_error("instantané d'état illisible (tronqué ou corrompu)");
  }
  void get(std::string& s) {
    const std::uint64_t size = varint();
    if (size > in_.size() - offset_) fail();
    s.assign(in_.substr(offset_, size));
    offset_ += size;
  }
  void get(bool& b) { b = varint() != 0; }
  template <typename E>
  requires std::is_enum_v<E>
  void get(E& e) { e = static_cast<E>(varint()); }
  template <typename I>
  requires std::is_integral_v<I>
  void get(I& i) { i = static_cast<I>(varint()); }
  template <typename T>
  void get(std::vector<T>& items) {
    const std::uint64_t count = varint();
    if (count > in_.size() - offset_) fail();  // every item takes at least one byte
    items.resize(count);
    for (auto& item : items) get(item);
  }
  template <typename T>
  requires std::is_class_v<T>
  void get(T& record) { fields(*this, record); }

  std::string_view in_;
  std::size_t offset_ = 0;
};

}  // namespace edusync::state
