// UTF-8 text helpers for French names (the generator works in UTF-8 and only
// converts to ISO-8859-15 when bytes leave the process, see xml_writer.cpp).
#pragma once

#include <string>
#include <string_view>

namespace gen {

// Upper-cases letters of the Latin-9 repertoire (é -> É, œ -> Œ, ÿ -> Ÿ),
// as SIECLE writes NOM_DE_FAMILLE.
std::string upper_fr(std::string_view text);

// Lower-case, accents removed, œ -> oe, æ -> ae; other characters kept.
// This is the "case/accents folded" normalisation of DUPLICATE_GUARDIAN.
std::string fold_name(std::string_view text);

// Folded name reduced to [a-z-] for e-mail local parts ("N'Diaye" -> "ndiaye").
std::string mail_token(std::string_view text);

// Strips accents but keeps case ("Hélène" -> "Helene"): a planted variant of
// a duplicated guardian's name that the folding must still match.
std::string strip_accents(std::string_view text);

// Appends text with XML escaping (&, <, > always; " when in an attribute).
void append_xml_escaped(std::string& out, std::string_view text, bool attribute);

}  // namespace gen
