// pdf/program_cache.h — subset font programs kept between runs (issue 9).
//
// Rendering a profile again subsets the same faces to the same glyphs: hb-subset and packing
// its result were a third of write_pdf's instructions (seed CV: en 6.5 of 20.5 M, zh 20 of
// 37 M) and most of the memory it touches for a CJK face. A face's subset — the program, its
// stream as written, the original gid → code map — is kept in a BlobStore under a name hashed
// from its key; a later run with the same key takes it from there instead.
//
// The key holds everything the entry's bytes depend on: the font file (path, face, size,
// modification time, its 'head' table, whose checkSumAdjustment covers the whole font), the
// glyph set, and the code that made it (cvpdf's and HarfBuzz's versions, libdeflate's, and the
// size and time of the file holding pdf/ itself, so that a rebuilt writer never reads entries
// of another build). The entry stores its whole key and a checksum: an entry whose key differs
// (a hash collision) or that is damaged in any way is not used. So the PDF's bytes are the
// same with the cache off, cold, warm or corrupt (tests/e2e/program_cache.sh).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "pdf/deflate.h"

namespace cvpdf::pdf {

/// A face's subset as write_pdf embeds it.
struct CachedProgram {
  std::string program;                              ///< the subset sfnt or bare CFF table
  Packed packed;                                    ///< `program` as its stream is written
  std::map<std::uint32_t, std::uint16_t> code_of;  ///< original gid → code/CID
};

/// What an entry is looked up by: its whole key, and the blob name derived from it.
struct ProgramKey {
  std::string text;
  std::string name;  ///< "font-<16 hex digits>.bin"
};

/// The code that makes kept entries: cvpdf's, HarfBuzz's and libdeflate's versions, and the
/// file holding pdf/ (cvpdf-pdf.so, or the program when pdf/ is linked in) by size and
/// modification time, so that a rebuilt writer never reads entries of another build.
const std::string& code_identity();

/// The key of the subset of the face `face_identity` (OpenFont::identity) to `gids`.
ProgramKey program_key(const std::string& face_identity, const std::set<std::uint32_t>& gids);

/// An entry's bytes: magic, key, program, packed stream, codes, checksum (FNV-1a).
std::string encode_program(const std::string& key_text, const CachedProgram& p);

/// The entry in `bytes` if it is whole, its checksum right and its key `key_text`; its codes
/// must cover exactly `gids`.
std::optional<CachedProgram> decode_program(std::string_view bytes, const std::string& key_text,
                                            const std::set<std::uint32_t>& gids);

}  // namespace cvpdf::pdf
