#include "xml_writer.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "common/latin9.hpp"
#include "text.hpp"

namespace gen {
namespace {

constexpr std::size_t kFlushThreshold = std::size_t{1} << 20;
constexpr std::size_t kBufferReserve = kFlushThreshold + (std::size_t{64} << 10);

[[noreturn]] void io_error(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

XmlWriter::XmlWriter(std::string path, XmlEncoding encoding)
    : path_(std::move(path)),
      file_(std::fopen(path_.c_str(), "wb"), &std::fclose),
      encoding_(encoding) {
  if (!file_) io_error("cannot create", path_);
  buffer_.reserve(kBufferReserve);
  encoded_.reserve(kBufferReserve);
}

void XmlWriter::prolog() {
  buffer_ += encoding_ == XmlEncoding::Utf8 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            : "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n";
}

void XmlWriter::indent() {
  buffer_.append(static_cast<std::size_t>(depth_), '\t');
}

void XmlWriter::start_tag(std::string_view tag, std::span<const Attr> attrs) {
  indent();
  buffer_ += '<';
  buffer_ += tag;
  for (const auto& [name, value] : attrs) {
    buffer_ += ' ';
    buffer_ += name;
    buffer_ += "=\"";
    append_xml_escaped(buffer_, value, true);
    buffer_ += '"';
  }
}

void XmlWriter::open(std::string_view tag, std::initializer_list<Attr> attrs) {
  start_tag(tag, {attrs.begin(), attrs.size()});
  buffer_ += ">\n";
  ++depth_;
}

void XmlWriter::open(std::string_view tag, const Attrs& attrs) {
  start_tag(tag, attrs);
  buffer_ += ">\n";
  ++depth_;
}

void XmlWriter::close(std::string_view tag) {
  --depth_;
  indent();
  buffer_ += "</";
  buffer_ += tag;
  buffer_ += ">\n";
  flush_if_full();
}

void XmlWriter::leaf(std::string_view tag, std::string_view text) {
  start_tag(tag, std::span<const Attr>());
  buffer_ += '>';
  append_xml_escaped(buffer_, text, false);
  buffer_ += "</";
  buffer_ += tag;
  buffer_ += ">\n";
}

void XmlWriter::opt(std::string_view tag, std::string_view text) {
  if (!text.empty()) leaf(tag, text);
}

void XmlWriter::empty(std::string_view tag, std::initializer_list<Attr> attrs) {
  start_tag(tag, {attrs.begin(), attrs.size()});
  buffer_ += "/>\n";
  flush_if_full();  // files of empty elements only (UDT) stay bounded too
}

void XmlWriter::empty(std::string_view tag, const Attrs& attrs) {
  start_tag(tag, attrs);
  buffer_ += "/>\n";
  flush_if_full();
}

void XmlWriter::flush_if_full() {
  if (buffer_.size() >= kFlushThreshold) flush();
}

void XmlWriter::flush() {
  if (encoding_ == XmlEncoding::Utf8) {  // our strings are valid UTF-8 (pools we own)
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size())
      io_error("cannot write", path_);
    buffer_.clear();
    return;
  }
  encoded_.clear();
  // Strict: every string comes from pools we own, so a character outside Latin-9 is a bug in
  // the pools, never silently replaced.
  edusync::latin9::append_from_utf8_strict(encoded_, buffer_);
  buffer_.clear();
  if (std::fwrite(encoded_.data(), 1, encoded_.size(), file_.get()) != encoded_.size()) {
    io_error("cannot write", path_);
  }
}

void XmlWriter::finish() {
  if (depth_ != 0) throw std::logic_error("unbalanced XML in " + path_);
  flush();
  if (std::fclose(file_.release()) != 0) io_error("cannot close", path_);
}

}  // namespace gen
