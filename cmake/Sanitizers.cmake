# The asan-ubsan build (CVPDF_SANITIZE=ON, preset `asan-ubsan`): our own code built with
# AddressSanitizer (LeakSanitizer included) and UndefinedBehaviorSanitizer, and every test run so
# that any report fails it.
#
#   cvpdf_sanitize_options(TARGET)  adds the compile and link flags to an INTERFACE target
#   cvpdf_test_environment()        call at the end of each CMakeLists.txt that adds tests
#
# - -fno-sanitize-recover=all: UBSan stops at its first report (by default it prints and goes
#   on, and the test passes); ASan always stops.
# - The tests run with exitcode=86 for all three sanitizers (a code no cvpdf exit status or test
#   expects, so a test that checks "exit 1" cannot mistake a report for a refusal), and each
#   test fails if its output shows a report (FAIL_REGULAR_EXPRESSION), for the scripts that look
#   only at "did it fail".
# - Third-party libraries (Debian's) are not instrumented, but ASan's allocator and LeakSanitizer
#   see their memory: a leak inside a library is reported. cmake/lsan.supp may list leaks inside
#   PoDoFo itself only, each with its reason (issue 7); none is needed today.
# - Wall-clock bounds in tests are multiplied by CVPDF_TIME_FACTOR (environment; 1 in a normal
#   build, CVPDF_SANITIZE_TIME_FACTOR here): the sanitized code runs several times slower, and a
#   bound is there to catch a quadratic algorithm, which a constant factor does not hide.

set(CVPDF_SANITIZE_TIME_FACTOR 10 CACHE STRING
    "Factor on the tests' wall-clock bounds in the sanitizer build (environment CVPDF_TIME_FACTOR)")

function(cvpdf_sanitize_options target)
  if(CVPDF_SANITIZE)
    target_compile_options(${target} INTERFACE -fsanitize=address,undefined
                           -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} INTERFACE -fsanitize=address,undefined)
  endif()
endfunction()

function(cvpdf_test_environment)
  get_property(tests DIRECTORY PROPERTY TESTS)
  if(NOT tests)
    return()
  endif()
  if(NOT CVPDF_SANITIZE)
    set_property(TEST ${tests} APPEND PROPERTY ENVIRONMENT "CVPDF_TIME_FACTOR=1")
    return()
  endif()
  set(common "exitcode=86")
  set(env
    "CVPDF_TIME_FACTOR=${CVPDF_SANITIZE_TIME_FACTOR}"
    "ASAN_OPTIONS=${common}:detect_leaks=1:check_initialization_order=1"
    "LSAN_OPTIONS=${common}:suppressions=${PROJECT_SOURCE_DIR}/cmake/lsan.supp:print_suppressions=0"
    "UBSAN_OPTIONS=${common}:print_stacktrace=1:halt_on_error=1")
  set_property(TEST ${tests} APPEND PROPERTY ENVIRONMENT "${env}")
  set_tests_properties(${tests} PROPERTIES FAIL_REGULAR_EXPRESSION "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error: |SUMMARY: UndefinedBehaviorSanitizer")
endfunction()
