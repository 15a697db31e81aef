// pdf/encode.h — small, locale-free encoders shared by the pdf/ module.
//
// Takes numbers, UTF-8 text, byte strings and epoch seconds; gives the exact bytes PDF wants:
// trimmed fixed-point numbers (never exponents, never locale-dependent), hex strings, UTF-16BE
// text (surrogate pairs, U+FB00–FB06 ligatures spelled out as letters), PDF dates in UTC (the stable
// 64-bit hash lives in core/hash.h). Nothing here knows about PoDoFo or fonts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash.h"

namespace cvpdf::pdf {

/// `v` with at most 3 decimals, trailing zeros trimmed ("12.5", "-0.25", "0"); never "-0" and
/// never an exponent. Values too large for a PDF real are clamped to ±32767×10⁴.
std::string fmt_num(double v);

/// An integer in thousandths (e.g. 1250 → "1.25"): exact, for widths and TJ adjustments.
std::string fmt_milli(std::int64_t milli);

/// Appends `v` as `digits` upper-case hex digits (big-endian).
void append_hex(std::string& out, std::uint32_t v, int digits);

/// UTF-8 → UTF-16BE bytes (no BOM). Surrogate pairs for non-BMP code points; the Latin
/// ligatures U+FB00–FB06 become their letters ("ﬁ" → "fi") so copy and search see plain text.
std::string utf16be_text(std::string_view utf8);

/// `<FEFF…>`: a PDF hex text string (UTF-16BE with BOM) for content-stream operands.
std::string hex_text_string(std::string_view utf8);

/// `D:YYYYMMDDHHmmSSZ` for `epoch` seconds, always UTC (gmtime_r; never local time).
std::string pdf_date(std::int64_t epoch);

/// The same instant as XMP writes it (ISO 8601): `YYYY-MM-DDThh:mm:ssZ`.
std::string xmp_date(std::int64_t epoch);

/// The stable hash of tags and digests (moved to core/, shared with the font index).
using core::Fnv64;

}  // namespace cvpdf::pdf
