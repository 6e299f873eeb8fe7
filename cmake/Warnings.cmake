# Project-wide warning and sanitizer flags, applied to every target through an interface library.
add_library(edusync_flags INTERFACE)
target_compile_options(edusync_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(EDUSYNC_WERROR)
  target_compile_options(edusync_flags INTERFACE -Werror)
endif()
if(EDUSYNC_SANITIZE)
  target_compile_options(edusync_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(edusync_flags INTERFACE -fsanitize=address,undefined)
endif()
if(EDUSYNC_FUZZ)
  # libFuzzer build (clang): coverage instrumentation and sanitizers on every object, so that
  # the fuzzers see and check the code they reach; the fuzz executables alone link libFuzzer's
  # main (-fsanitize=fuzzer, tests/fuzz/CMakeLists.txt). Undefined behaviour aborts, so that
  # libFuzzer records it as a crash instead of printing and going on.
  target_compile_options(edusync_flags INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(edusync_flags INTERFACE -fsanitize=address,undefined)
endif()
