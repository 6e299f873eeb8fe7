# Every dependency comes from a Debian 12 package; ./edusync.sh installs them (see its PACKAGES list).
find_package(PkgConfig REQUIRED)
find_package(LibXml2 REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
# spdlog (libspdlog-dev, compiled against Debian's libfmt): the operator events (common/log.hpp).
find_package(spdlog REQUIRED)
# libsystemd (libsystemd-dev): the service's readiness and watchdog notifications (sd_notify)
# and its logs to journald.
pkg_check_modules(LIBSYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
# Boost (libboost-dev, header-only Asio): the service's event loop.
find_package(Boost 1.74 REQUIRED)
