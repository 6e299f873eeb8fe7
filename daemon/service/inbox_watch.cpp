#include "service/inbox_watch.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

#include "common/errors.hpp"
#include "common/log.hpp"
#include "run/inbox.hpp"

namespace edusync::service {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr char kComponent[] = "inbox";
// What the inbox watch asks for; IN_IGNORED, IN_UNMOUNT and IN_Q_OVERFLOW always come.
constexpr std::uint32_t kWatchMask =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
constexpr std::uint32_t kLostMask = IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT | IN_IGNORED;
// Names remembered per burst; beyond, the burst counts as a drop whatever its files.
constexpr std::size_t kMaxBurstNames = 1000;
// One read: room for about two thousand events (a name takes at most NAME_MAX + 1 bytes).
constexpr std::size_t kReadBuffer = std::size_t{64} * 1024;

std::string error_text(int error) {
  return std::error_code(error, std::generic_category()).message();
}

using text::arg;
using text::message;

// Why inotify_add_watch failed with `error`.
text::Message watch_refusal(int error) {
  const auto because = arg("error", error_text(error));
  switch (error) {
    case ENOENT: return message("service.inbox.missing", {because});
    case ENOTDIR: return message("service.inbox.not_directory");
    case EACCES: return message("service.inbox.unreadable", {because});
    case ENOSPC: return message("service.inbox.watch_limit", {because});
    default: return message("service.inbox.cannot_watch", {because});
  }
}

std::string lost_event_name(std::uint32_t mask) {
  if ((mask & IN_DELETE_SELF) != 0) return "IN_DELETE_SELF";
  if ((mask & IN_MOVE_SELF) != 0) return "IN_MOVE_SELF";
  if ((mask & IN_UNMOUNT) != 0) return "IN_UNMOUNT";
  return "IN_IGNORED";
}

// The files a run would consider, by name (run/inbox.hpp: the scan's own rule).
using Snapshot = run::InboxStamps;

// The events of one burst: the names of the files that arrived, or `unknown` when some may
// be missing (queue overflow, too many names).
struct Burst {
  std::set<std::string> names;
  bool unknown = false;

  void add(std::string name) {
    if (names.size() < kMaxBurstNames) {
      names.insert(std::move(name));
    } else {
      unknown = true;
    }
  }
  // A run would have something to read.
  bool is_drop(const fs::path& inbox, const Snapshot& now) const {
    return unknown || std::any_of(names.begin(), names.end(), [&](const std::string& name) {
             return now.contains(name) && run::looks_like_export(inbox / name);
           });
  }
};

}  // namespace

class InboxWatch::Core : public std::enable_shared_from_this<Core> {
 public:
  Core(boost::asio::io_context& io, InboxWatchOptions options, DropHandler on_drop)
      : options_(std::move(options)),
        on_drop_(std::move(on_drop)),
        inotify_(io),
        settle_timer_(io),
        retry_timer_(io) {}

  void start();
  void stop();
  bool watching() const { return watch_ >= 0; }
  std::shared_ptr<const Snapshot> settled() const { return settled_; }

 private:
  [[noreturn]] void refuse(text::Message reason) const {
    throw InputError({options_.inbox.string()}, std::move(reason));
  }
  std::string inbox_text() const { return options_.inbox.string(); }

  void read_next();
  void on_read(const boost::system::error_code& error, std::size_t length);
  // True when the event counts toward a burst.
  bool handle_event(const inotify_event& event, std::string name);
  void lose_watch(std::uint32_t mask);
  void schedule_retry();
  void retry();
  void restart_settle();
  void arm_settle();
  void on_settled();

  InboxWatchOptions options_;
  DropHandler on_drop_;
  boost::asio::posix::stream_descriptor inotify_;
  boost::asio::steady_timer settle_timer_;
  boost::asio::steady_timer retry_timer_;
  std::array<char, kReadBuffer> buffer_{};
  int watch_ = -1;  // the inotify watch descriptor of the inbox; -1: not watched
  bool started_ = false;
  bool stopped_ = false;
  // A settle under way: the burst and the files as they were when it (re)started.
  Burst burst_;
  Snapshot settling_;
  // The inbox at the end of the last burst that was a drop; shared with the runs, not copied.
  std::shared_ptr<const Snapshot> settled_ = std::make_shared<const Snapshot>();
  // Handlers of a timer armed since carry an older number and do nothing (an expired
  // handler already queued cannot be cancelled any more).
  unsigned settle_generation_ = 0;
  unsigned retry_generation_ = 0;
  milliseconds retry_delay_{0};
};

void InboxWatch::Core::start() {
  if (started_) throw std::logic_error("InboxWatch::start: already started");
  started_ = true;
  const int descriptor = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (descriptor < 0) {
    const int error = errno;
    refuse(message("service.inbox.no_instance", {arg("error", error_text(error))}));
  }
  boost::system::error_code assigned;
  inotify_.assign(descriptor, assigned);
  if (assigned) {
    close(descriptor);
    refuse(message("service.inbox.cannot_watch", {arg("error", assigned.message())}));
  }
  // Needs read permission on the directory, as listing it does (inotify_add_watch(2)).
  watch_ = inotify_add_watch(descriptor, options_.inbox.c_str(), kWatchMask);
  if (watch_ < 0) {
    const int error = errno;
    stop();
    refuse(watch_refusal(error));
  }
  read_next();
}

void InboxWatch::Core::stop() {
  stopped_ = true;
  watch_ = -1;
  boost::system::error_code ignored;
  inotify_.close(ignored);  // also removes the watch
  settle_timer_.cancel();
  retry_timer_.cancel();
  on_drop_ = nullptr;  // what it holds goes now, not with the last queued handler
}

void InboxWatch::Core::read_next() {
  inotify_.async_read_some(
      boost::asio::buffer(buffer_),
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t length) {
        self->on_read(error, length);
      });
}

// The kernel returns whole events: a header, then `len` bytes of NUL-padded name.
void InboxWatch::Core::on_read(const boost::system::error_code& error, std::size_t length) {
  if (stopped_ || error == boost::asio::error::operation_aborted) return;
  if (error) {
    log::event(
        log::Level::error, kComponent, "INBOX_WATCH_FAILED",
        message("service.inbox.failed", {arg("path", inbox_text()), arg("error", error.message())}),
        {{"path", inbox_text()}, {"error", error.message()}});
    watch_ = -1;  // watching() tells the service
    return;
  }
  bool counted = false;
  std::size_t offset = 0;
  while (offset + sizeof(inotify_event) <= length) {
    inotify_event event{};
    std::memcpy(&event, buffer_.data() + offset, sizeof event);
    offset += sizeof event;
    const std::size_t name_room = std::min<std::size_t>(event.len, length - offset);
    const char* name_start = buffer_.data() + offset;
    std::string name(name_start, strnlen(name_start, name_room));
    offset += name_room;
    counted = handle_event(event, std::move(name)) || counted;
  }
  if (counted && !stopped_) restart_settle();
  if (!stopped_) read_next();
}

bool InboxWatch::Core::handle_event(const inotify_event& event, std::string name) {
  if ((event.mask & IN_Q_OVERFLOW) != 0) {
    log::event(log::Level::warn, kComponent, "INBOX_WATCH_OVERFLOW",
               message("service.inbox.overflow", {arg("path", inbox_text())}),
               {{"event", "IN_Q_OVERFLOW"}, {"path", inbox_text()}});
    burst_.unknown = true;
    return true;
  }
  if (event.wd != watch_ || watch_ < 0) return false;  // a watch given up earlier
  if ((event.mask & kLostMask) != 0) {
    lose_watch(event.mask);
    return false;
  }
  if ((event.mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) == 0 || (event.mask & IN_ISDIR) != 0 ||
      name.empty() || run::has_temporary_name(name)) {
    return false;
  }
  burst_.add(std::move(name));
  return true;
}

// A moved directory keeps its watch (inotify follows the inode): it is removed so that only
// the configured path is watched. A deleted one sends IN_IGNORED next, for a watch already
// given up.
void InboxWatch::Core::lose_watch(std::uint32_t mask) {
  if ((mask & IN_IGNORED) == 0) inotify_rm_watch(inotify_.native_handle(), watch_);
  watch_ = -1;
  retry_delay_ = options_.retry_first;
  const auto event = lost_event_name(mask);
  log::event(
      log::Level::warn, kComponent, "INBOX_WATCH_LOST",
      message("service.inbox.lost", {arg("path", inbox_text()), arg("event", event),
                                     arg("retry", std::to_string(options_.retry_max.count()))}),
      {{"event", event}, {"path", inbox_text()}});
  schedule_retry();
}

void InboxWatch::Core::schedule_retry() {
  const unsigned generation = ++retry_generation_;
  retry_timer_.expires_after(retry_delay_);
  retry_timer_.async_wait(
      [self = shared_from_this(), generation](const boost::system::error_code& error) {
        if (error || self->stopped_ || generation != self->retry_generation_) return;
        self->retry();
      });
}

// Watches first, then lists: a file written in between sends its event, one written before
// is in the listing.
void InboxWatch::Core::retry() {
  watch_ = inotify_add_watch(inotify_.native_handle(), options_.inbox.c_str(), kWatchMask);
  if (watch_ < 0) {
    const int error = errno;
    retry_delay_ = std::min(retry_delay_ * 2, options_.retry_max);
    log::event(log::Level::debug, kComponent, "INBOX_WATCH_RETRY",
               message("service.inbox.retry",
                       {arg("path", inbox_text()), text::nested("reason", watch_refusal(error)),
                        arg("delay", std::to_string(retry_delay_.count()))}),
               {{"path", inbox_text()}, {"error", error_text(error)}});
    schedule_retry();
    return;
  }
  log::event(log::Level::info, kComponent, "INBOX_WATCH_RESTORED",
             message("service.inbox.restored", {arg("path", inbox_text())}),
             {{"path", inbox_text()}});
  const auto present = run::stamp_inbox(options_.inbox);
  if (present.empty()) return;
  for (const auto& [name, stamp] : present) burst_.add(name);
  restart_settle();
}

void InboxWatch::Core::restart_settle() {
  settling_ = run::stamp_inbox(options_.inbox);
  arm_settle();
}

void InboxWatch::Core::arm_settle() {
  const unsigned generation = ++settle_generation_;
  settle_timer_.expires_after(options_.settle);
  settle_timer_.async_wait(
      [self = shared_from_this(), generation](const boost::system::error_code& error) {
        if (error || self->stopped_ || generation != self->settle_generation_) return;
        self->on_settled();
      });
}

void InboxWatch::Core::on_settled() {
  auto now = run::stamp_inbox(options_.inbox);
  if (now != settling_) {  // still being written: one more settle from now
    settling_ = std::move(now);
    arm_settle();
    return;
  }
  const bool drop = burst_.is_drop(options_.inbox, now);
  const auto files = burst_.names.size();
  burst_ = Burst{};
  settling_.clear();
  if (!drop) return;
  settled_ = std::make_shared<const Snapshot>(std::move(now));
  log::event(
      log::Level::info, kComponent, "INBOX_DROP",
      message("service.inbox.drop", {arg("path", inbox_text()), text::count("files", files)}),
      {{"path", inbox_text()}, {"files", std::to_string(files)}});
  // A copy: the handler may call stop(), which lets go of on_drop_.
  const auto handler = on_drop_;
  if (handler) handler();
}

InboxWatch::InboxWatch(boost::asio::io_context& io, InboxWatchOptions options, DropHandler on_drop)
    : core_(std::make_shared<Core>(io, std::move(options), std::move(on_drop))) {}

InboxWatch::~InboxWatch() {
  core_->stop();
}

void InboxWatch::start() {
  core_->start();
}

void InboxWatch::stop() {
  core_->stop();
}

bool InboxWatch::watching() const {
  return core_->watching();
}

std::shared_ptr<const run::InboxStamps> InboxWatch::settled() const {
  return core_->settled();
}

}  // namespace edusync::service
