#pragma once
// Edusync's wording of libxml2's errors (catalogue entries input.xml.*): operators read the
// messages, and libxml2's English text ("Opening and ending tag mismatch") tells them neither
// what is wrong nor what to do.
#include <libxml/xmlerror.h>

#include "text/message.hpp"

namespace edusync::xml {

// What the error means, from its code and arguments (element names, line of the start tag).
// libxml2's own text is kept in parentheses only for a code not described here. The file, line
// and column are added by the caller.
text::Message describe_xml_error(const xmlError& error);

}  // namespace edusync::xml
