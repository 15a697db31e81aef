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

/// What a stream holds; the compression level follows it. Level 9 was measured on every kind
/// of stream of the seed CV: on font programs, CMaps and images it saves 0–100 bytes a stream
/// for 2–10 times the instructions, so only the object and cross-reference streams use it.
enum class StreamKind {
  Binary,     ///< font programs, images, CMaps: level 6
  Operators,  ///< page content (numbers and operators): level 6
  Objects,    ///< the object and cross-reference streams: level 9
};

/// `data` compressed in the zlib format (RFC 1950) at the kind's level.
/// Throws std::runtime_error on failure.
std::string deflate(std::string_view data, StreamKind kind = StreamKind::Binary);

/// A stream's bytes as written: compressed, or as they are when compression would save less
/// than the /Filter key costs (a Type 3 glyph's `250 0 d0`). Made by pack(), which touches no
/// PoDoFo object and may run on any thread; set on an object by set_packed().
struct Packed {
  std::string bytes;
  bool flate = false;  ///< /Filter /FlateDecode
};
Packed pack(std::string_view data, StreamKind kind = StreamKind::Binary);
void set_packed(PoDoFo::PdfObject& obj, const Packed& packed);

/// set_packed(obj, pack(data, kind)).
void set_stream(PoDoFo::PdfObject& obj, std::string_view data,
                StreamKind kind = StreamKind::Binary);

}  // namespace cvpdf::pdf
