// Serialisers of a School into the files SIECLE and STS-web produce.
// Each function writes one file at `path` (ISO-8859-15, see XmlWriter).
#pragma once

#include <string>

#include "model.hpp"
#include "options.hpp"
#include "xml_writer.hpp"

namespace gen {

void write_eleves(const School& school, bool avec_adresses, const std::string& path);
void write_responsables(const School& school, RespFormat format, const std::string& path);
void write_structures(const School& school, const std::string& path);
void write_nomenclature(const School& school, const std::string& path);
void write_sts(const School& school, const std::string& path);

// <PARAMETRES> of every BEE_* file (UAJ as text, unlike STS).
void write_bee_parametres(XmlWriter& w, const School& school);
// One <ADRESSE ADRESSE_ID=…> record (same schema in Eleves and Responsables).
void write_adresse(XmlWriter& w, const Address& a);

// Decimal text of an unsigned number.
std::string num(std::uint64_t value);
// "4.50" from 450.
std::string centi(int value);

}  // namespace gen
