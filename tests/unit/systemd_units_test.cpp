// The systemd units (systemd/, docs/service.md): what the daemon relies on is in both, and the
// template is the single unit with its instance name in four places only, so that the two keep
// the same hardening. Their exposure score is checked by edusync.sh (systemd-analyze).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace edusync {
namespace {

namespace fs = std::filesystem;

fs::path units_dir() {
  return fs::weakly_canonical(fs::path(EDUSYNC_SAMPLES) / ".." / "systemd");
}

// The directive and section lines, comments and blank lines left out.
std::vector<std::string> directives(const std::string& name) {
  std::ifstream in(units_dir() / name);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool sets(const std::vector<std::string>& lines, const std::string& key) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.starts_with(key + "="); });
}

// The single unit as the template must read: the instance's configuration, directories and
// description.
std::string as_template_line(const std::string& line) {
  if (line == "StateDirectory=edusync") return "StateDirectory=edusync/%i";
  if (line == "RuntimeDirectory=edusync") return "RuntimeDirectory=edusync/%i";
  if (line.starts_with("Description=edusync - ")) {
    return "Description=edusync %i - " + line.substr(std::string("Description=edusync - ").size());
  }
  const std::string config = "/etc/edusync/edusync.yaml";
  if (const auto at = line.find(config); at != std::string::npos) {
    return line.substr(0, at) + "/etc/edusync/%i.yaml" + line.substr(at + config.size());
  }
  return line;
}

TEST(SystemdUnits, BothDeclareWhatTheDaemonReliesOn) {
  for (const char* name : {"edusync.service", "edusync@.service"}) {
    const auto lines = directives(name);
    ASSERT_FALSE(lines.empty()) << name;
    for (const char* line :
         {"Type=notify", "NotifyAccess=main", "ExecReload=/bin/kill -HUP $MAINPID",
          "WatchdogSec=60s", "User=edusync", "Group=edusync", "StateDirectoryMode=0700",
          "RuntimeDirectoryMode=0750", "UMask=0077", "ProtectSystem=strict",
          "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"}) {
      EXPECT_TRUE(has(lines, line)) << name << " lacks " << line;
    }
    // The LDAP server is on the network, at an address only the site knows (docs/service.md).
    EXPECT_FALSE(sets(lines, "IPAddressDeny")) << name;
    EXPECT_FALSE(sets(lines, "PrivateNetwork")) << name;
  }
}

TEST(SystemdUnits, TheSingleUnitNamesTheDefaultPaths) {
  const auto lines = directives("edusync.service");
  EXPECT_TRUE(has(lines, "StateDirectory=edusync"));
  EXPECT_TRUE(has(lines, "RuntimeDirectory=edusync"));
  EXPECT_TRUE(
      has(lines, "ExecStart=/usr/local/bin/edusync --config /etc/edusync/edusync.yaml daemon"));
}

TEST(SystemdUnits, TheTemplateIsTheSingleUnitWithItsInstanceName) {
  const auto single = directives("edusync.service");
  std::vector<std::string> expected;
  std::transform(single.begin(), single.end(), std::back_inserter(expected), as_template_line);
  EXPECT_EQ(directives("edusync@.service"), expected);
}

}  // namespace
}  // namespace edusync
