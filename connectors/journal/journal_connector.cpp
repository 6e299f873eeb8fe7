#include "connectors/journal/journal_connector.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "plan/plan_json.hpp"

namespace edusync::connectors {
namespace {

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

ApplyResult JournalConnector::apply(const ApplyContext& context) {
  ApplyResult result;
  if (context.plan.empty()) return result;
  std::string lines;
  for (const auto& item : context.plan.items) {
    nlohmann::ordered_json line{{"run", context.run_id}, {"date", context.today},
                                {"connector", settings_.name}, {"item", plan::to_json(item)}};
    lines += line.dump() + '\n';
  }
  const std::string path = settings_.value("path");
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    result.error = "journal " + path + " : " + std::strerror(errno);
    return result;
  }
  const bool ok = write_all(fd, lines) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) {
    result.error = "journal " + path + " : écriture impossible : " + std::strerror(saved);
    return result;
  }
  result.applied = context.plan.items.size();
  return result;
}

}  // namespace edusync::connectors
