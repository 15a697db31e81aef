// pdf/deflate.h — Flate-compressing the PDF's streams with settings measured for each kind.
//
// Takes the plain bytes of a stream; gives them /FlateDecode-compressed (RFC 1950 zlib format,
// PDF 1.7 §7.4.4) or, when compression would not pay for its own /Filter key, as they are.
// PoDoFo's own PdfStream::Set compresses at zlib's default level and memory, which left
// 0.4 KB on the seed CV (issue 9). Guarantees: deterministic bytes for a given zlib.
#pragma once

#include <podofo/podofo.h>

#include <string>
#include <string_view>

namespace cvpdf::pdf {

/// What a stream holds; zlib's strategy follows it.
enum class StreamKind {
  Binary,     ///< font programs, images, CMaps, object and cross-reference streams
  Operators,  ///< page content: short numbers and operators, where Z_FILTERED wins (3 %)
};

/// `data` compressed at zlib's best level and memory. Throws std::runtime_error on failure.
std::string deflate(std::string_view data, StreamKind kind = StreamKind::Binary);

/// Sets `obj`'s stream to `data`, /FlateDecode-compressed unless that saves less than the
/// /Filter key costs (a Type 3 glyph's `250 0 d0`).
void set_stream(PoDoFo::PdfObject& obj, std::string_view data, StreamKind kind = StreamKind::Binary);

}  // namespace cvpdf::pdf
