# Project-wide warning and sanitizer flags, applied to every target through an interface library.
add_library(edusync_flags INTERFACE)
target_compile_options(edusync_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(EDUSYNC_WERROR)
  target_compile_options(edusync_flags INTERFACE -Werror)
endif()
if(EDUSYNC_SANITIZE)
  target_compile_options(edusync_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(edusync_flags INTERFACE -fsanitize=address,undefined)
endif()
