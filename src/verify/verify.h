// verify/verify.h — `cvpdf verify`: does a PDF give back every profile string, in order?
//
// Takes the bytes of a PDF cvpdf wrote and the doc::Document composed from the profile it was
// made from (the same language and layout); reads the PDF's text with verify/'s own reader (no
// PoDoFo) and gives one error per finding, located at the profile string it concerns:
//   - missing: the string is nowhere in the text (with where the text diverges, if part of it is);
//   - broken: found only when spaces are ignored — split across lines, glued, hyphenated —, or
//     only with spaces inferred from gaps between glyphs, not space characters;
//   - out of order: found, but not after the strings the profile puts before it (in its flow);
//   - glyphs without ToUnicode text; structure tree not reaching every MCID (when tagged);
//   - a PDF that cannot be read back, or that cvpdf did not write (Producer).
// The summary says what was checked. Guarantees: never throws for any bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "doc/document.h"

namespace cvpdf::verify {

struct Summary {
  bool readable = false;        ///< the PDF was read (false: one error says why)
  std::size_t pages = 0;
  std::size_t strings = 0;      ///< profile strings looked for
  std::size_t found = 0;        ///< of them, found exactly and in order
  bool tagged = false;          ///< the PDF has a structure tree
  std::size_t findings = 0;     ///< errors added
};

/// Checks `pdf` (named `pdf_name` in messages) against `expected`.
Summary verify_pdf(std::string_view pdf, const std::string& pdf_name, const doc::Document& expected,
                   core::Diagnostics& diags);

}  // namespace cvpdf::verify
