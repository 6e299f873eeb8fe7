#include "sources/xml/latin9_decoder.hpp"

#include <libxml/encoding.h>

#include <mutex>

namespace edusync::xml {
namespace {

// ISO-8859-15 differs from ISO-8859-1 in eight positions (€ Š š Ž ž Œ œ Ÿ).
char32_t latin9_code_point(unsigned char byte) {
  switch (byte) {
    case 0xA4: return 0x20AC;
    case 0xA6: return 0x0160;
    case 0xA8: return 0x0161;
    case 0xB4: return 0x017D;
    case 0xB8: return 0x017E;
    case 0xBC: return 0x0152;
    case 0xBD: return 0x0153;
    case 0xBE: return 0x0178;
    default: return byte;
  }
}

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
    const char32_t cp = latin9_code_point(in[consumed]);
    const int need = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    if (produced + need > out_size) break;
    if (need == 1) {
      out[produced] = static_cast<unsigned char>(cp);
    } else if (need == 2) {
      out[produced] = static_cast<unsigned char>(0xC0 | (cp >> 6));
      out[produced + 1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    } else {
      out[produced] = static_cast<unsigned char>(0xE0 | (cp >> 12));
      out[produced + 1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
      out[produced + 2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    }
    produced += need;
    ++consumed;
  }
  *out_length = produced;
  *in_length = consumed;
  return produced;
}

}  // namespace

std::string latin9_to_utf8(std::string_view bytes) {
  std::string out(bytes.size() * 3, '\0');
  int out_length = static_cast<int>(out.size());
  int in_length = static_cast<int>(bytes.size());
  convert_latin9(reinterpret_cast<unsigned char*>(out.data()), &out_length,
                 reinterpret_cast<const unsigned char*>(bytes.data()), &in_length);
  out.resize(static_cast<std::size_t>(out_length));
  return out;
}

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
