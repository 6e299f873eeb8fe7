// Placeholder until the container reader lands: every container is refused, saying no key.
#include "sources/timetable/index_container.hpp"

#include "common/errors.hpp"

namespace edusync::timetable {

OpenedContainer open_index_container(input::ByteSource& source, const std::string& /*key_file*/,
                                     bool /*header_only*/, const ContainerLimits& /*limits*/) {
  throw InputError({source.display_name()}, text::message("input.container.no_key"));
}

}  // namespace edusync::timetable
