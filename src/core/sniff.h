// core/sniff.h — what a photo or font file says about itself, read from its header only.
//
// Takes the bytes of a file (no I/O here: the caller reads or maps them); gives its format and
// dimensions, or a reason to refuse it, before any decoder sees it. PoDoFo 0.9.8 embeds a JPEG
// declaring 65 000 × 65 000 as it is and callocs a PNG's rows unchecked; HarfBuzz accepts a
// garbage "font" as a face with 0 glyphs (notes/input-libraries.md). These functions are the
// fence: check_photo() and check_font() apply core/limits.h and report located errors. They read
// every byte at most once, never allocate in proportion to the input, and never throw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace cvpdf::core {

/// A photo's header: the format and the size in pixels.
struct ImageHeader {
  enum class Format { Jpeg, Png };
  Format format = Format::Jpeg;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  int components = 0;  ///< JPEG: colour components (1, 3, 4); PNG: the IHDR colour type
};

/// Reads a JPEG's first SOFn marker (walking the marker segments from SOI) or a PNG's IHDR.
/// Nothing, with `why` set, when the bytes are neither, are truncated before the dimensions,
/// or declare a zero width or height.
std::optional<ImageHeader> sniff_image(std::string_view bytes, std::string& why);

/// A font file's header: an OpenType/TrueType face or a collection.
struct FontHeader {
  bool collection = false;     ///< 'ttcf'
  std::uint32_t faces = 1;     ///< faces in a collection
  std::uint32_t glyphs = 0;    ///< maxp.numGlyphs of the first face
  bool cff = false;            ///< 'OTTO': CFF outlines
};

/// Reads an sfnt ('\0\1\0\0', 'true', 'OTTO') or a 'ttcf' collection and the first face's
/// maxp table. Nothing, with `why` set, when the table directory or maxp is out of the file.
std::optional<FontHeader> sniff_font(std::string_view bytes, std::string& why);

/// Sniffs a photo and applies the photo limits (bytes, pixels, side): true when it may be
/// decoded; else a located error at `loc` naming the file.
bool check_photo(std::string_view bytes, const std::string& name, const SourceLoc& loc,
                 Diagnostics& diags);

/// Sniffs a font and applies the font limits (bytes, glyphs > 0): true when it may be opened;
/// else `why` says what is wrong (the caller reports it with its own context).
bool check_font(std::string_view bytes, std::string& why);

}  // namespace cvpdf::core
