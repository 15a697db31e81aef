// core/source_loc.h — where a piece of user text came from.
//
// Takes nothing; gives the SourceLoc value type used by every stage. Lines and columns are
// 1-based; a column counts bytes from the start of the line, as GCC and Clang do. Line 0 means
// "no location" (a value made by the program itself).
#pragma once

#include <string>

namespace cvpdf::core {

/// A position in a user's file: `file:line:col`, 1-based. `line == 0` means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;

  [[nodiscard]] bool known() const { return line > 0; }
  /// "file:line:col", "file" or "" — the prefix of a diagnostic.
  [[nodiscard]] std::string str() const;
  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

}  // namespace cvpdf::core
