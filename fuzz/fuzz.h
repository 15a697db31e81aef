// fuzz/fuzz.h — the libFuzzer entry point every target defines (one target per .cpp).
//
// Each target takes arbitrary bytes and runs one input-facing function on them; it must never
// crash, hang or leak whatever the bytes are. Built two ways (fuzz/CMakeLists.txt): with clang's
// libFuzzer under ASan/UBSan (`-DCVPDF_FUZZ=ON`), and as a plain executable with replay_main.cpp
// that ctest runs over fuzz/corpus/<target>/ in the normal build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace cvpdf::fuzz {

inline std::string as_string(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace cvpdf::fuzz
