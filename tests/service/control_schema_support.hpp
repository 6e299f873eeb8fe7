#pragma once
// Checks a control-socket line against schemas/control.schema.json with tests/schema/validate.py.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.hpp"

namespace edusync::test {

// Empty when `message` validates; else what the validator printed.
inline std::string control_schema_problems(const nlohmann::json& message) {
  const TempDir dir;
  const auto path = dir.write("message.json", message.dump());
  std::string output;
  const int code = run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                   "/control.schema.json " + path + " 2>&1",
                               output);
  return code == 0 ? std::string() : (output.empty() ? std::string("invalid") : output);
}

}  // namespace edusync::test
