// pdf/compact_writer.h — writing a PoDoFo document with object and cross-reference streams.
//
// Takes a finished PdfMemDocument and the 32 hex digits of the content digest; gives the bytes
// of a PDF 1.5+ file (ISO 32000-1 §7.5.7, §7.5.8): every object without a stream (pages, fonts'
// dictionaries, annotations, outline items, Info, catalog, structure elements) packed into one
// Flate-compressed object stream, streams written as usual, and a compressed cross-reference
// stream whose trailer keys carry /ID [<digest> <digest>]. PoDoFo 0.9.8 writes neither object
// streams nor an /ID of our choosing. Guarantees: deterministic bytes (object order as PoDoFo
// numbered them, fixed libdeflate level); the same bytes for each object as PoDoFo's own
// writer (compact_value, tested against it type by type).
#pragma once

#include <podofo/podofo.h>

#include <string>

namespace cvpdf::pdf {

/// The file's bytes; `id_hex` is both halves of the trailer /ID. Throws PoDoFo::PdfError or
/// std::runtime_error (zlib) like the rest of the writer.
std::string write_compact(PoDoFo::PdfMemDocument& pdf, const std::string& id_hex);

/// The bytes of `value` as PoDoFo 0.9.8 writes it in compact mode (PdfVariant::Write), as the
/// object stream holds it; the common types written without PoDoFo's printf (issue 9).
std::string compact_value(const PoDoFo::PdfVariant& value);

}  // namespace cvpdf::pdf
