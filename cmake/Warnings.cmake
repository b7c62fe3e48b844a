# Per-target warnings and sanitizer flags: nothing here touches global flags.
add_library(easyread_warnings INTERFACE)
add_library(easyread::warnings ALIAS easyread_warnings)
target_compile_options(easyread_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wpedantic>
  $<$<AND:$<CXX_COMPILER_ID:GNU,Clang>,$<BOOL:${EASYREAD_WERROR}>>:-Werror>)

add_library(easyread_sanitize INTERFACE)
add_library(easyread::sanitize ALIAS easyread_sanitize)
if(EASYREAD_SANITIZE)
  # GCC's flow analysis gives false maybe-uninitialized warnings on
  # instrumented code (std::regex, std::function), so that one is off here.
  # -O1 -g1 (after the build type's -O2 -g, so they win) halve the compile
  # time of instrumented code; line tables are all a sanitizer report needs.
  target_compile_options(easyread_sanitize INTERFACE
    -O1 -g1
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  target_link_options(easyread_sanitize INTERFACE -fsanitize=address,undefined)
endif()
if(EASYREAD_FUZZ)
  # The libraries carry libFuzzer's coverage too, so the fuzzers are guided
  # by the code they test, not only by their small harnesses.
  target_compile_options(easyread_sanitize INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(easyread_sanitize INTERFACE -fsanitize=address,undefined)
endif()

# Every project target links this: warnings plus sanitizers when asked.
function(easyread_target_defaults target)
  target_link_libraries(${target} PRIVATE easyread::warnings easyread::sanitize)
endfunction()
