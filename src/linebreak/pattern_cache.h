// linebreak/pattern_cache.h — a PatternIndex kept on disk between runs (issue 9).
//
// Takes a pattern file and a cache folder; gives the file's PatternIndex, read from
// `<folder>/hyph-<hash of the path>.idx` when that cache still describes the file, else read
// from the file itself (patterns.h) and the cache rewritten. Why: indexing Debian's en_US file
// costs 6.6 M instructions, a twentieth of an English render; reading the cache, a few hundred
// thousand. The cache is mapped and its index read in place, never copied (a copy of the 418 KB
// en_US index was 190 page faults); a cache is only ever replaced by renaming a new file over
// it, so a mapping never changes under a reader. Guarantees: a cache is used only if its format line, the pattern file's path, size,
// modification and status-change times, and a checksum over all its bytes match, and every
// offset in it fits (PatternIndex::from_bytes); anything else — stale, truncated, damaged,
// foreign — is ignored and replaced. Written atomically (a temporary file, renamed); failing to
// write it changes nothing but speed. The answers are the same as without the cache.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "linebreak/patterns.h"

namespace cvpdf::linebreak {

/// The cache file's first line: its format. Change it when the layout of the bytes changes, or
/// when PatternIndex::read would index a file differently (a cache holds read()'s result).
inline constexpr std::string_view kPatternCacheFormat = "cvpdf hyphenation index 2\n";
/// The largest cache file read (Debian's German patterns give about 9 MB).
inline constexpr std::size_t kMaxPatternCacheBytes = 32 * 1024 * 1024;

/// The cache file for the pattern file `path` in `cache_dir`.
std::string pattern_cache_file(const std::string& cache_dir, const std::string& path);

/// PatternIndex::read(path) through the cache in `cache_dir` ("": no cache).
std::optional<PatternIndex> read_patterns_cached(const std::string& path,
                                                 const std::string& cache_dir);

}  // namespace cvpdf::linebreak
