// Serialisers of a Timetable into the files EDT and UDT produce (one file at `path` each).
#pragma once

#include <string>

#include "options.hpp"
#include "timetable.hpp"
#include "xml_writer.hpp"

namespace gen {

// ExportEmploiDuTemps (UTF-8), and the same bytes sealed for options.edt_key_pem.
void write_edt(const School& school, const Timetable& tt, const std::string& path);
void write_edt_sealed(const School& school, const std::string& clear_path, const std::string& path,
                      const Options& options);

// UDT's zip for ENTs; its members are written in the school's directory first, then removed.
void write_udt(const School& school, const Timetable& tt, const std::string& path);

// Course-only files: EDT's EXP_COURS.xml (ISO-8859-15) and UDT's 12-column text (Latin-9, CRLF).
void write_exp_cours(const School& school, const Timetable& tt, const std::string& path);
void write_udt_courses(const School& school, const Timetable& tt, const std::string& path);

// Creates/truncates `path` with `bytes` (timetable_files.cpp); throws on I/O errors.
void write_bytes(const std::string& path, std::string_view bytes);

// Pupils of each class, and of each group, as the course files count them (EFFECTIF, Eff).
std::vector<std::uint32_t> class_sizes(const School& school, const Timetable& tt);

}  // namespace gen
