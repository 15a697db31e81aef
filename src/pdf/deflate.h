// pdf/deflate.h — Flate-compressing the PDF's streams with settings measured for each kind.
//
// Takes the plain bytes of a stream; gives them /FlateDecode-compressed (RFC 1950 zlib format,
// PDF 1.7 §7.4.4) or, when compression would not pay for its own /Filter key, as they are.
// PoDoFo's own PdfStream::Set compresses at zlib's default memory setting and strategy for
// every kind of stream (issue 9); cvpdf compresses with libdeflate instead, which gives smaller
// streams than zlib at the same level in fewer instructions. Guarantees: deterministic bytes for
// a given libdeflate.
#pragma once

#include <podofo/podofo.h>

#include <string>
#include <string_view>

namespace cvpdf::pdf {

/// `data` compressed in the zlib format (RFC 1950), libdeflate level 6, for every kind of
/// stream. Level 9 for the object and cross-reference streams saved about 100 bytes a file
/// (en 31 797 -> 31 696 B, zh 67 421 -> 67 343 B) and cost a second 652 KB compressor per
/// thread, resident at the peak (issue 9, target 20 MiB); on the other streams it saved 0-100
/// bytes for 2-10 times the instructions. Throws std::runtime_error on failure.
std::string deflate(std::string_view data);

/// A stream's bytes as written: compressed, or as they are when compression would save less
/// than the /Filter key costs (a Type 3 glyph's `250 0 d0`). Made by pack(), which touches no
/// PoDoFo object and may run on any thread; set on an object by set_packed().
struct Packed {
  std::string bytes;
  bool flate = false;  ///< /Filter /FlateDecode
};
Packed pack(std::string_view data);
void set_packed(PoDoFo::PdfObject& obj, const Packed& packed);

/// set_packed(obj, pack(data)).
void set_stream(PoDoFo::PdfObject& obj, std::string_view data);

}  // namespace cvpdf::pdf
