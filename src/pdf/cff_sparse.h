// pdf/cff_sparse.h — a large CFF table as hb-subset reads it for a few glyphs (issue 9).
//
// hb-subset reads a CFF table through the font file's mapping. In a Noto CJK face the
// charstrings and subroutines of a CV's 155 glyphs lie scattered through 15–23 MB, and the
// kernel maps 64 KB of the file around each page touched: about 6 MiB resident per face, for
// 30 KB of outlines.
//
// Takes the font file, where its 'CFF ' table is, and the glyphs to subset; gives the table
// rebuilt in anonymous memory, as long as the original, holding what hb-subset reads for those
// glyphs: the whole table except its CharStrings INDEX and its global and local subroutine
// INDEXes, and of these the items the glyphs use — their charstrings and the subroutines these
// call, found by reading the charstrings as hb-subset does (stems, hint masks, calls) — packed
// at the start of each INDEX's data with their offsets rewritten, so that each item reads as in
// the original. The other items' offsets read 0 and their pages are never touched.
//
// Guarantees: hb-subset writes the same bytes from the rebuilt table as from the original
// (tests/unit/pdf/cff_sparse_test.cpp, on the pinned CJK faces); nullptr, never a partial
// table, when the file cannot be read or the table holds what this reader does not follow (a
// name-keyed font's seac accents, charstring arithmetic, CFF2 operators, an INDEX or DICT out
// of bounds) — the caller then subsets from the mapped table.
#pragma once

#include <hb.h>

#include <cstdint>
#include <set>
#include <string>

namespace cvpdf::pdf {

/// `table_offset` and `table_length`: the 'CFF ' table's place in the file at `path`. Returns
/// a blob the caller destroys (it unmaps the memory), or nullptr.
hb_blob_t* sparse_cff_table(const std::string& path, std::uint64_t table_offset, std::uint32_t table_length,
                            const std::set<std::uint32_t>& gids);

}  // namespace cvpdf::pdf
