#include "sources/xml/latin9_decoder.hpp"

#include <libxml/encoding.h>

#include <mutex>

#include "common/latin9.hpp"
#include "common/utf8.hpp"

namespace edusync::xml {
namespace {

// libxml2's input converter contract: convert as much of `in` as fits in `out`, set both
// lengths to what was consumed and produced, return the bytes produced or a negative error.
int convert_latin9(unsigned char* out, int* out_length, const unsigned char* in, int* in_length) {
  int produced = 0, consumed = 0;
  const int out_size = *out_length, in_size = *in_length;
  while (consumed < in_size) {
    // Fast path: runs of ASCII (nearly all of an export) are copied byte for byte.
    while (consumed < in_size && produced < out_size && in[consumed] < 0x80)
      out[produced++] = in[consumed++];
    if (consumed == in_size || produced == out_size) break;
    const char32_t cp = latin9::code_point(in[consumed]);
    const auto need = static_cast<int>(utf8::encoded_length(cp));
    if (produced + need > out_size) break;
    utf8::encode(cp, reinterpret_cast<char*>(out + produced));
    produced += need;
    ++consumed;
  }
  *out_length = produced;
  *in_length = consumed;
  return produced;
}

}  // namespace

void register_latin9_decoder() {
  static std::once_flag once;
  std::call_once(once, [] {
    // xmlNewCharEncodingHandler registers the handler itself (libxml2 2.9), and registered
    // handlers are looked up by name before iconv. Decoding only: edusync never writes Latin-9.
    for (const char* name : {"ISO-8859-15", "ISO8859-15", "LATIN-9", "LATIN9"}) {
      xmlNewCharEncodingHandler(name, convert_latin9, nullptr);
    }
  });
}

}  // namespace edusync::xml
