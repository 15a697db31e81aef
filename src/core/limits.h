// core/limits.h — every size limit cvpdf enforces on its input, named once, with its reason.
//
// cvpdf runs in git hooks on profiles, layouts, photos and fonts that come from templates and
// other people's repositories (issue 7). Each limit below bounds the time or memory one hostile
// input can cost, and is far above what a real CV needs. Past a limit the input is refused with a
// located error before the expensive work starts. README "Limits and safety" lists them; tests
// check each one at the limit (accepted) and one past it (refused): tests/unit/profile/
// limits_test.cpp (input, depth, scalar, entries, URL), tests/unit/markup/limits_test.cpp,
// tests/unit/compose/compose_test.cpp (Markdown link URL), tests/unit/core/sniff_test.cpp (photo
// bytes and pixels, font bytes and glyphs), tests/unit/cli/read_limit_test.cpp (read limit),
// tests/e2e/hostile.sh (pages), tests/unit/verify/reader_test.cpp (the limits of a PDF read back:
// nesting, objects, inflated bytes), and past each limit tests/bad/limit-*.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cvpdf::core::limits {

/// Bytes of a profile (or an imported page, or a layout file). A long academic CV with 200
/// publications in two languages is about 100 KB; 4 MiB is 40 times that and still parses and
/// walks in well under a second (yaml-cpp 0.7: 5.8 MB in 0.46 s, notes/input-libraries.md).
inline constexpr std::size_t kMaxInputBytes = 4u * 1024u * 1024u;

/// Nesting of YAML maps and lists. A profile needs about eight levels (cv → sections → title →
/// entries → entry → highlights → language map); yaml-cpp's own guard (500) only says "bad file"
/// and a recursive walk must never get near the stack's end.
inline constexpr int kMaxYamlDepth = 32;

/// Bytes of one YAML scalar. The longest real field is a bio of a few paragraphs (~4 KB); 64 KiB
/// bounds what one field costs cmark, ICU line breaking and Knuth–Plass (each roughly linear, but
/// with per-character constants in the microseconds), and a 10 000-character word still fits.
inline constexpr std::size_t kMaxScalarBytes = 64u * 1024u;

/// Nesting of Markdown inside one text field (emphasis in a link in a list in a quote …). A CV
/// uses three (`**[*x*](url)**`); cmark itself walks iteratively, but runs of `>` or `-` build
/// trees this deep, and every level is a style on the span stack.
inline constexpr int kMaxMarkupDepth = 16;

/// Entries over all sections (one education line, one publication, one bullet each). 500
/// publications plus everything else fits; 2 000 entries render in about 40 pages, and a 20 000-
/// entry file is refused after the load instead of being laid out for minutes.
inline constexpr std::size_t kMaxEntries = 2000;

/// Pages of one PDF. A CV is 1–10 pages; 60 bounds the frame tree and the PDF size
/// (checked after layout: the entry and byte limits already bound layout's work).
inline constexpr std::size_t kMaxPages = 60;

/// Bytes of a photo file. A 4000 × 3000 JPEG from a phone is 3–6 MB.
inline constexpr std::size_t kMaxPhotoBytes = 16u * 1024u * 1024u;

/// Pixels of a photo, read from the header (JPEG SOFn, PNG IHDR) before any decoding: a 24 MP
/// RGBA image decodes to 96 MB. PoDoFo 0.9.8 embeds a JPEG declaring 65 000 × 65 000 as it is
/// and callocs rowbytes × height for a PNG (notes/input-libraries.md).
inline constexpr std::uint64_t kMaxPhotoPixels = 24u * 1000u * 1000u;

/// Pixels along one side of a photo (a 1 × 24 000 000 strip has few pixels but breaks viewers).
inline constexpr std::uint32_t kMaxPhotoSide = 12000;

/// Bytes of one font file. Noto Serif CJK Regular.ttc, the largest font cvpdf uses, is 26 MB.
inline constexpr std::size_t kMaxFontBytes = 64u * 1024u * 1024u;

/// Bytes of one URL (website, DOI/arXiv link, Markdown link). 2 048 is the longest URL every
/// browser and PDF viewer handles (the old Internet Explorer limit, the sitemap protocol's).
inline constexpr std::size_t kMaxUrlBytes = 2048;

/// Bytes cvpdf reads from any one file (profile, layout, imported page, photo): the largest of
/// the limits above, so `cvpdf /dev/zero` or a 10 GB file costs 16 MiB, not all memory. Each
/// kind of file is then held to its own, smaller limit.
inline constexpr std::size_t kMaxReadBytes = kMaxPhotoBytes;
static_assert(kMaxReadBytes >= kMaxInputBytes);

/// At most this many errors of one kind are listed from one file (a bad encoding or a file of
/// aliases would otherwise flood the terminal); a note says that more were found.
inline constexpr int kMaxErrorsOfOneKind = 20;

/// Reading back a PDF (`cvpdf verify`, src/verify/): only PDFs cvpdf wrote, whose files are read
/// with the kMaxReadBytes cap like any other. Arrays and dictionaries nested in one object, page
/// tree and structure tree levels, and marked content nested in a content stream: cvpdf writes
/// at most a handful of each; 64 bounds the reader's recursion whatever the file says.
inline constexpr int kMaxPdfNesting = 64;

/// Objects in one PDF (the cross-reference table's /Size). The seed CV has 62, a tagged 60-page
/// CV a few tens of thousands; a hostile /Size of 2^31 is refused before anything is allocated.
inline constexpr std::int64_t kMaxPdfObjects = 500000;

/// Bytes one stream may inflate to (content streams, ToUnicode CMaps, object and cross-reference
/// streams, the only streams verify decodes: a page of text is 3–10 KB). A 16 MiB deflate bomb expands to gigabytes; the inflater
/// stops at this size with a located error.
inline constexpr std::size_t kMaxInflatedStream = 16u * 1024u * 1024u;

/// Bytes all the streams of one PDF may inflate to together (60 pages of dense text is ~1 MB).
inline constexpr std::size_t kMaxInflatedTotal = 64u * 1024u * 1024u;

}  // namespace cvpdf::core::limits
