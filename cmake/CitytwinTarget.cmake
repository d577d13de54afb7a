# One place that sets the language level, warnings and sanitizers for every
# target of ours. Third-party headers come in as SYSTEM so that -Werror
# applies to our code only.
#
# CITYTWIN_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on every
# target; undefined behaviour aborts (no recovery) so a finding fails its test.
# CITYTWIN_FUZZ (clang only): additionally every target is compiled with
# libFuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link), so the
# fuzzer sees the branches of the library code a harness calls, not only the
# harness's; the fuzz executables link libFuzzer (tests/fuzz/CMakeLists.txt).
# FUZZ implies ASan + UBSan: one clang build runs the unit and GUI tests under
# the sanitizers and provides the fuzz targets (docs/testing.md).
if(CITYTWIN_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CITYTWIN_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
endif()
function(citytwin_configure_target target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-missing-field-initializers)
    if(CITYTWIN_SANITIZE OR CITYTWIN_FUZZ)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined
            -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    if(CITYTWIN_FUZZ)
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
endfunction()
