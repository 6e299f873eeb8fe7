#pragma once
// The inbox watch: tells the service that exports were dropped in the inbox, so that a run can
// start within seconds of a drop instead of at the nightly schedule. Linux inotify, read
// asynchronously on the service's io_context (no thread, no polling).
//
// What counts (docs/inbox_watch.md):
//   - a file closed after writing (IN_CLOSE_WRITE) or renamed/moved into the inbox
//     (IN_MOVED_TO), directly in the inbox;
//   - never a directory (created or moved in): a run reads only the regular files directly in
//     the inbox, so a directory is not a drop; nor a name a run leaves alone
//     (run::has_temporary_name: `.*`, `*.part`, `*.tmp`, `*.crdownload`, `*~`), nor a file
//     whose first bytes are neither XML nor zip (run::looks_like_export);
//   - a file that appears without either event (a hard or symbolic link) is not seen by the
//     watch; the next drop or the nightly run reads it.
// A burst ends after `settle` with no counting event and no change of size or modification
// time of any file a run would consider (regular, not a temporary name); a file still growing
// (even one still open, that sends no counting event) restarts the settle. Then on_drop() is
// called once for the whole burst, if at least one file named in it is still there and looks
// like an export. Files already in the inbox when start() is called are not a drop.
//
// Trouble while watching, logged through common/log (component "inbox"):
//   - INBOX_WATCH_LOST (warn): the inbox was deleted, moved or unmounted (IN_DELETE_SELF,
//     IN_MOVE_SELF, IN_UNMOUNT, IN_IGNORED); the watch is re-established at the same path by a
//     timer, after retry_first, then doubling up to retry_max, for ever (INBOX_WATCH_RETRY,
//     debug, at each failed attempt; INBOX_WATCH_RESTORED, info, once it is back). When it is
//     back, the files found in the inbox are a burst: they may have been dropped while nobody
//     watched.
//   - INBOX_WATCH_OVERFLOW (warn): the kernel's event queue overflowed (IN_Q_OVERFLOW); some
//     events are lost, so the burst counts as a drop whatever its files.
//   - INBOX_WATCH_FAILED (error): reading the inotify descriptor failed; the watch ends (the
//     nightly schedule still runs).
//   - INBOX_DROP (info): a burst ended and on_drop() is called.
//
// Threading: every member is called on the thread that runs `io` (or while `io` is not
// running); on_drop() runs on that thread too. stop() may be called from on_drop().
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "run/inbox.hpp"

namespace edusync::service {

struct InboxWatchOptions {
  std::filesystem::path inbox;  // the configured inbox (config::Config::inbox)
  // How long a burst must stay quiet; the run's own settle (run::RunOptions::settle_time) is
  // the natural value.
  std::chrono::milliseconds settle{1000};
  // The re-establishing backoff after the inbox went away: first delay, doubled up to the last.
  std::chrono::milliseconds retry_first{250};
  std::chrono::milliseconds retry_max{30000};
};

class InboxWatch {
 public:
  using DropHandler = std::function<void()>;

  // Prepares the watch; nothing is watched before start().
  InboxWatch(boost::asio::io_context& io, InboxWatchOptions options, DropHandler on_drop);
  // Stops. Safe once `io` has stopped (handlers still queued in it keep what they use alive and
  // do nothing); `io` itself must outlive this object.
  ~InboxWatch();
  InboxWatch(const InboxWatch&) = delete;
  InboxWatch& operator=(const InboxWatch&) = delete;

  // Starts watching. Throws InputError (common/errors.hpp) naming the inbox, in French, when it
  // is missing, not a directory, unreadable, or when inotify refuses (limits reached). Once.
  void start();
  // Cancels everything: no on_drop() call after it returns, even for a burst under way. Final.
  void stop();
  // The inbox is watched now: false before start(), after stop() and while the watch is lost.
  bool watching() const;
  // The inbox as it was when the last drop was reported (its files unchanged for a whole
  // settle period); empty before the first. A run compares it with the inbox when it starts
  // (run::scan_inbox) and does not wait for the settle a second time if nothing changed.
  std::shared_ptr<const run::InboxStamps> settled() const;

 private:
  class Core;
  std::shared_ptr<Core> core_;
};

}  // namespace edusync::service
