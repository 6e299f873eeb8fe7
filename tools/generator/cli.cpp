// Plain argv parsing: "--opt value" or "--opt=value".
#include <charconv>
#include <cstdio>
#include <functional>
#include <map>

#include "options.hpp"

namespace gen {
namespace {

bool parse_uint(std::string_view text, std::uint64_t& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// Handlers return an error message, empty on success.
using Handler = std::function<std::string(Options&, std::string_view)>;

template <class T>
Handler number(T Options::*field, std::uint64_t min, std::uint64_t max) {
  return [=](Options& o, std::string_view v) -> std::string {
    std::uint64_t n = 0;
    if (!parse_uint(v, n) || n < min || n > max) {
      return "expects an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]";
    }
    o.*field = static_cast<T>(n);
    return {};
  };
}

std::map<std::string, Handler, std::less<>> value_options() {
  return {
      {"--out",
       [](Options& o, std::string_view v) {
         o.out_dir = v;
         return std::string();
       }},
      {"--seed", number(&Options::seed, 0, UINT64_MAX)},
      {"--schools", number(&Options::schools, 1, 100'000)},
      {"--pupils", number(&Options::pupils, 10, 5'000'000)},
      {"--total-pupils", number(&Options::total_pupils, 10, 50'000'000)},
      {"--year", number(&Options::year, 2000, 2099)},
      {"--uai-base", number(&Options::uai_base, 0, 9'999'999)},
      {"--jobs", number(&Options::jobs, 1, 256)},
      {"--export-date",
       [](Options& o, std::string_view v) {
         const auto d = parse_dmy(v);
         if (!d) return std::string("expects DD/MM/YYYY");
         o.export_date = *d;
         return std::string();
       }},
      {"--responsables-format",
       [](Options& o, std::string_view v) {
         if (v != "post2018" && v != "pre2018") return std::string("expects post2018 or pre2018");
         o.responsables = v == "post2018" ? RespFormat::Post2018 : RespFormat::Pre2018;
         return std::string();
       }},
      {"--edt-key",
       [](Options& o, std::string_view v) {
         o.edt_key_file = v;
         return std::string();
       }},
      {"--eleves-variant",
       [](Options& o, std::string_view v) {
         if (v != "sans" && v != "avec") return std::string("expects sans or avec");
         o.eleves_avec = v == "avec";
         return std::string();
       }},
  };
}

// Cross-option checks once everything is parsed.
std::string validate(Options& o) {
  if (o.out_dir.empty()) return "--out DIR is required";
  if (!o.export_date.present()) o.export_date = Date{o.year + 1, 1, 15};
  if (to_days(o.export_date) < to_days(Date{o.year, 9, 10}) ||
      to_days(o.export_date) > to_days(Date{o.year + 1, 8, 31})) {
    return "--export-date must fall between 10/09/YEAR and 31/08/YEAR+1";
  }
  if (o.total_pupils > 0 && o.total_pupils < 10 * o.schools)
    return "--total-pupils must be >= 10 per school";
  if (!o.edt_key_file.empty() && !o.timetables) return "--edt-key needs --timetables";
  return {};
}

}  // namespace

std::string usage() {
  return "usage: edusync-gen --out DIR [--seed N] [--schools K] [--pupils N | --total-pupils N]\n"
         "                   [--year 2025] [--export-date DD/MM/YYYY]\n"
         "                   [--responsables-format post2018|pre2018] [--eleves-variant "
         "sans|avec]\n"
         "                   [--zip] [--uai-base N] [--jobs N] [--timetables [--edt-key FILE]]\n"
         "Writes synthetic SIECLE/STS-web exports and DIR/expected.json.\n"
         "  --pupils        current pupils per school (default 600; departed ones come on top)\n"
         "  --total-pupils  current pupils over all schools, school sizes varying 0.5x-1.5x\n"
         "  --export-date   default 15/01/(year+1)\n"
         "  --uai-base      number of the first UAI (default 69500 -> 0069500 + key letter)\n"
         "  --jobs          schools generated in parallel (output does not depend on it)\n"
         "  --timetables    also EDT (clear and sealed), UDT and course-only timetable exports\n"
         "  --edt-key       PEM key the EDT container is sealed for (default: a new key pair,\n"
         "                  private half written to DIR/edt_partner_key.pem)\n";
}

std::optional<Options> parse_cli(int argc, char** argv, std::string& error) {
  Options options;
  const auto handlers = value_options();
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(usage().c_str(), stdout);
      return std::nullopt;
    }
    if (arg == "--zip" || arg == "--timetables") {
      (arg == "--zip" ? options.zip : options.timetables) = true;
      continue;
    }
    const std::size_t eq = arg.find('=');
    const std::string_view name = arg.substr(0, eq);
    const auto handler = handlers.find(name);
    if (handler == handlers.end()) {
      error = "unknown option " + std::string(arg);
      return std::nullopt;
    }
    if (eq == std::string_view::npos && i + 1 >= argc) {
      error = std::string(name) + " needs a value";
      return std::nullopt;
    }
    const std::string_view value =
        eq != std::string_view::npos ? arg.substr(eq + 1) : std::string_view(argv[++i]);
    if (std::string message = handler->second(options, value); !message.empty()) {
      error = std::string(name) + " " + message;
      return std::nullopt;
    }
  }
  error = validate(options);
  if (!error.empty()) return std::nullopt;
  return options;
}

}  // namespace gen
