#pragma once
// A real slapd for the LDAP tests (Debian's /usr/sbin/slapd, no mock): a configuration
// generated in a temporary directory (mdb database, schemas core, cosine, nis, inetorgperson
// from /etc/ldap/schema and the Samba schema of schemas/), listening on a free loopback port
// only. Header-only so that the test CMakeLists needs no change. The process is killed when the
// object goes; kill() and start() let a test cut the server in the middle of a run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/test_support.hpp"

namespace edusync::test {

class Slapd {
 public:
  static constexpr char kBase[] = "dc=test,dc=edusync";
  static constexpr char kAdmin[] = "cn=admin,dc=test,dc=edusync";
  static constexpr char kPassword[] = "s3cret-admin";
  static constexpr char kDomainSid[] = "S-1-5-21-3090069703-3667237465-1667192555";

  // With `tls`, a throw-away CA signs a certificate for 127.0.0.1 (openssl), and slapd also
  // listens for ldaps:// on a second port and accepts StartTLS.
  explicit Slapd(bool tls = false) : port_(free_port()), tls_port_(tls ? free_port() : 0) {
    dir_.write("db/.keep", "");
    if (tls) make_certificates();
    config_ = dir_.write("slapd.conf", configuration());
    password_file_ = dir_.write("bind.secret", kPassword);  // no newline: ldapadd -y reads it all
    // Tests run in parallel processes: a port found free may be taken before slapd binds it.
    for (int attempt = 1;; ++attempt) {
      try {
        start();
        break;
      } catch (const std::runtime_error&) {
        if (attempt == 5) throw;
        port_ = free_port();
        if (tls_port_ != 0) tls_port_ = free_port();
      }
    }
    load(base_ldif());
  }
  ~Slapd() { kill(SIGTERM); }
  Slapd(const Slapd&) = delete;
  Slapd& operator=(const Slapd&) = delete;

  std::string uri() const { return "ldap://127.0.0.1:" + std::to_string(port_); }
  // ldapi:// on a socket of the temporary directory; SASL EXTERNAL there maps this process's
  // uid and gid to the administrator (authz-regexp).
  std::string ldapi_uri() const {
    std::string encoded;
    for (const char c : (dir_.path() / "ldapi").string())
      encoded += c == '/' ? std::string("%2F") : std::string(1, c);
    return "ldapi://" + encoded;
  }
  std::string ldaps_uri() const { return "ldaps://127.0.0.1:" + std::to_string(tls_port_); }
  std::string ca_file() const { return (dir_.path() / "ca.crt").string(); }
  // A CA certificate that did not sign the server's: verification must fail with it.
  std::string other_ca_file() const { return (dir_.path() / "other-ca.crt").string(); }
  const std::string& password_file() const { return password_file_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

  // Starts slapd (again) on the same port and database, and waits until it answers.
  void start() {
    // Built before fork(), so that the child only opens, redirects and execs. Appended piece by
    // piece: GCC 12 -O3 warns (-Wrestrict, a false positive) on "text" + std::string&& here.
    std::string listen = uri();
    listen += "/ ";
    listen += ldapi_uri();
    if (tls_port_ != 0) {
      listen += ' ';
      listen += ldaps_uri();
      listen += '/';
    }
    // Its output goes to a file: an inherited pipe would keep the test's reader waiting.
    const std::string log = (dir_.path() / "slapd.log").string();
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
      if (fd >= 0) {
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
      }
      ::execl("/usr/sbin/slapd", "slapd", "-f", config_.c_str(), "-h", listen.c_str(), "-d", "0",
              nullptr);
      ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string out;
    while (run_command("ldapsearch -x -H " + uri() + " -b '' -s base -LLL 1.1 >/dev/null 2>&1",
                       out) != 0) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("slapd s'est arrêté au démarrage");
      }
      if (std::chrono::steady_clock::now() > deadline) {
        kill(SIGKILL);
        throw std::runtime_error("slapd ne répond pas");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  // Stops slapd with `signal` (SIGKILL: no clean shutdown, like a crash) and reaps it.
  void kill(int signal = SIGKILL) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  pid_t pid() const { return pid_; }

  // ldapadd of an LDIF text as the administrator; returns ldapadd's exit code.
  int load(const std::string& ldif, std::string* output = nullptr) const {
    const auto file = dir_.write("load.ldif", ldif);
    std::string out;
    const int code = run_command("ldapadd -x -c -H " + uri() + " -D " + kAdmin + " -y " +
                                     password_file_ + " -f " + file + " 2>&1",
                                 out);
    if (output != nullptr) *output = out;
    return code;
  }

  // ldapmodify of an LDIF text (changetype records) as the administrator.
  int modify(const std::string& ldif, std::string* output = nullptr) const {
    const auto file = dir_.write("modify.ldif", ldif);
    std::string out;
    const int code = run_command("ldapmodify -x -H " + uri() + " -D " + kAdmin + " -y " +
                                     password_file_ + " -f " + file + " 2>&1",
                                 out);
    if (output != nullptr) *output = out;
    return code;
  }

  // Deletes everything under the base but the base and the sambaDomain entry.
  void wipe() const {
    std::string out;
    for (const char* ou : {"People", "Groups", "Trash"}) {
      run_command("ldapdelete -x -r -H " + uri() + " -D " + kAdmin + " -y " + password_file_ +
                      " 'ou=" + ou + "," + kBase + "' 2>&1",
                  out);
    }
  }

 private:
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      ::close(fd);
      throw std::runtime_error("no free loopback port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
  }

  std::string configuration() const {
    std::string text;
    for (const char* schema : {"core", "cosine", "nis", "inetorgperson"}) {
      text += std::string("include /etc/ldap/schema/") + schema + ".schema\n";
    }
    text += std::string("include ") + EDUSYNC_SCHEMAS + "/samba.schema\n";
    text += "pidfile " + (dir_.path() / "slapd.pid").string() + "\n";
    if (tls_port_ != 0) {
      text += "TLSCACertificateFile " + ca_file() + "\nTLSCertificateFile " +
              (dir_.path() / "server.crt").string() + "\nTLSCertificateKeyFile " +
              (dir_.path() / "server.key").string() + "\n";
    }
    text += "modulepath /usr/lib/ldap\nmoduleload back_mdb\n";
    text += "authz-regexp \"gidNumber=" + std::to_string(::getgid()) +
            ".uidNumber=" + std::to_string(::getuid()) + ",cn=peercred,cn=external,cn=auth\" \"" +
            kAdmin + "\"\n";
    text += "database mdb\nmaxsize 268435456\n";
    text += std::string("suffix \"") + kBase + "\"\nrootdn \"" + kAdmin + "\"\nrootpw " +
            kPassword + "\n";
    text += "directory " + (dir_.path() / "db").string() + "\n";
    text += "index objectClass eq\nindex uid,cn,memberUid,employeeNumber eq\n";
    return text;
  }

  void make_certificates() const {
    const std::string d = dir_.path().string() + "/";
    dir_.write("server.ext", "subjectAltName=IP:127.0.0.1\n");
    const std::string quiet = " >/dev/null 2>&1";
    std::string out;
    for (const std::string& command :
         {"openssl req -x509 -newkey rsa:2048 -nodes -keyout " + d + "ca.key -out " + d +
              "ca.crt -days 2 -subj '/CN=edusync test CA'",
          "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + d + "other-ca.key -out " + d +
              "other-ca.crt -days 2 -subj '/CN=other CA'",
          "openssl req -newkey rsa:2048 -nodes -keyout " + d + "server.key -out " + d +
              "server.csr -subj '/CN=127.0.0.1'",
          "openssl x509 -req -in " + d + "server.csr -CA " + d + "ca.crt -CAkey " + d +
              "ca.key -CAcreateserial -out " + d + "server.crt -days 2 -extfile " + d +
              "server.ext"}) {
      if (run_command(command + quiet, out) != 0) throw std::runtime_error("openssl: " + command);
    }
  }

  static std::string base_ldif() {
    return std::string("dn: ") + kBase +
           "\nobjectClass: dcObject\nobjectClass: organization\ndc: test\no: edusync\n\n" +
           "dn: sambaDomainName=SAMBAEDU," + kBase +
           "\nobjectClass: sambaDomain\nsambaDomainName: SAMBAEDU\nsambaSID: " + kDomainSid +
           "\nsambaNextRid: 1000\n\n";
  }

  TempDir dir_;
  int port_;
  int tls_port_;
  std::string config_;
  std::string password_file_;
  pid_t pid_ = -1;
};

// A GoogleTest suite sharing one slapd between its tests (started once; restarted when a test
// killed it; emptied before each test). `Suite` is the deriving class, so that each suite has
// a server of its own.
template <typename Suite>
class SlapdSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { slapd_ = std::make_unique<Slapd>(); }
  static void TearDownTestSuite() { slapd_.reset(); }

  void SetUp() override {
    if (slapd_->pid() <= 0) slapd_->start();
    slapd_->wipe();
  }

  static inline std::unique_ptr<Slapd> slapd_;
};

}  // namespace edusync::test
