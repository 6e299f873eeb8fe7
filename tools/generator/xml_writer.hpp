// Streaming XML writer producing ISO-8859-15 (or UTF-8) files, one element per line.
//
// Contract: callers pass UTF-8; bytes are encoded to Latin-9 when the buffer
// is flushed (kept as they are in UTF-8 mode). Only complete elements are appended between flushes,
// so a multi-byte character is never split. Memory use is bounded by the buffer size whatever the
// document size.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gen {

using Attr = std::pair<std::string_view, std::string_view>;
using Attrs = std::vector<Attr>;  // attributes some elements carry only sometimes

enum class XmlEncoding { Latin9, Utf8 };

class XmlWriter {
 public:
  // Creates/truncates `path`; throws std::runtime_error on failure.
  explicit XmlWriter(std::string path, XmlEncoding encoding = XmlEncoding::Latin9);
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void prolog();  // <?xml version="1.0" encoding="ISO-8859-15"?> (or "UTF-8")
  void open(std::string_view tag, std::initializer_list<Attr> attrs = {});
  void open(std::string_view tag, const Attrs& attrs);
  void close(std::string_view tag);
  // <TAG>text</TAG>; an empty text gives <TAG></TAG>.
  void leaf(std::string_view tag, std::string_view text);
  // Omitted entirely when text is empty (SIECLE's 0..1 elements).
  void opt(std::string_view tag, std::string_view text);
  // <TAG a="v"/>: the other spelling of an empty element.
  void empty(std::string_view tag, std::initializer_list<Attr> attrs = {});
  void empty(std::string_view tag, const Attrs& attrs);
  // Flushes and closes; throws on I/O error. Must be called once at the end.
  void finish();

 private:
  void start_tag(std::string_view tag, std::span<const Attr> attrs);
  void indent();
  void flush_if_full();
  void flush();

  std::string path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  std::string buffer_;   // UTF-8, pending
  std::string encoded_;  // Latin-9 scratch
  XmlEncoding encoding_;
  int depth_ = 0;
};

}  // namespace gen
