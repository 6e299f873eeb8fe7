// Messages of the timetable join (assemble/timetable*.cpp): warnings about pupils, teachers and
// groups the timetable and SIECLE or STS-web do not agree on.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kEntries[] = {
    {"timetable.no_school",
     "{file} : cet export d'emploi du temps ne dit pas de quel établissement il est, et la boîte "
     "de dépôt en sert plusieurs ({uais}) ; renommez-le en commençant par l'UAI "
     "(<UAI>_{name})",
     "{file}: this timetable export does not say which school it is for, and the inbox serves "
     "several ({uais}); rename it starting with the UAI (<UAI>_{name})"},
};

}  // namespace

std::span<const Entry> timetable_entries() {
  return kEntries;
}

}  // namespace edusync::text
