// text/itemize.cpp — grapheme clusters (ICU), per-cluster font fallback, runs. See itemize.h.
#include "text/itemize.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>

#include "core/utf8.h"
#include "text/font_store_impl.h"

namespace cvpdf::text {
namespace {

using UTextPtr = std::unique_ptr<UText, CDeleter<utext_close>>;
using UBreakIteratorPtr = std::unique_ptr<UBreakIterator, CDeleter<ubrk_close>>;

const char* const kHintUncovered =
    "install a font that covers it or add one to the theme's font stack";

/// One grapheme cluster and the decisions about it.
struct Cluster {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool neutral = false;  ///< space, punctuation, lone mark: prefers its neighbours' face
  bool opening = false;  ///< opening bracket or quote: prefers the face after it
  bool emoji = false;    ///< emoji presentation (UTS #51): prefers a colour face
  hb_script_t script = HB_SCRIPT_COMMON;
  FaceId face = kNoFace;
  std::uint8_t level = 0;  ///< bidi level of its first byte
};

/// Byte offsets of the grapheme cluster boundaries in text[begin, end), both ends included.
/// Falls back to one cluster per code point if ICU fails.
std::vector<std::size_t> grapheme_bounds(std::string_view text, std::size_t begin,
                                         std::size_t end) {
  std::vector<std::size_t> bounds;
  // ASCII without CR: each byte is a cluster (UAX #29: GB3, CR × LF, is the only rule joining
  // two ASCII characters). Skips ICU's iterator, 25 000 instructions to open (issue 9).
  const std::string_view part = text.substr(begin, end - begin);
  if (std::all_of(part.begin(), part.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\r'; })) {
    for (std::size_t i = begin; i <= end; ++i) bounds.push_back(i);
    return bounds;
  }
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr ut(
      utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status));
  UBreakIteratorPtr bi(ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status));
  if (U_SUCCESS(status)) ubrk_setUText(bi.get(), ut.get(), &status);
  if (U_SUCCESS(status)) {
    for (int32_t b = ubrk_first(bi.get()); b != UBRK_DONE; b = ubrk_next(bi.get())) {
      bounds.push_back(begin + static_cast<std::size_t>(b));
    }
    return bounds;
  }
  for (std::size_t i = begin; i < end; core::decode_utf8(text, i)) bounds.push_back(i);
  bounds.push_back(end);
  return bounds;
}

bool is_ignorable(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) != 0;
}

/// Kana and bopomofo run together with Han: CJK fonts shape them alike.
hb_script_t run_script(char32_t cp) {
  const hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
  switch (s) {
    case HB_SCRIPT_INHERITED:
    case HB_SCRIPT_UNKNOWN:
      return HB_SCRIPT_COMMON;
    case HB_SCRIPT_HIRAGANA:
    case HB_SCRIPT_KATAKANA:
    case HB_SCRIPT_BOPOMOFO:
      return HB_SCRIPT_HAN;
    default:
      return s;
  }
}

/// UTS #51 §4: a cluster is shown as emoji (in colour) when it asks for it with U+FE0F, or when
/// its base has Emoji_Presentation (😄, flags' regional indicators, skin-tone bases) and no
/// U+FE0E asks for text; otherwise (✓, ☎, ©) as text.
bool wants_emoji(std::string_view text, const Cluster& c, char32_t base) {
  constexpr char32_t kTextSelector = 0xFE0E;
  constexpr char32_t kEmojiSelector = 0xFE0F;
  bool presentation =
      u_hasBinaryProperty(static_cast<UChar32>(base), UCHAR_EMOJI_PRESENTATION) != 0;
  for (std::size_t i = c.begin; i < c.end;) {
    const char32_t cp = core::decode_utf8(text, i);
    if (cp == kEmojiSelector) presentation = true;
    if (cp == kTextSelector) return false;
  }
  return presentation;
}

/// Sets `neutral`, `opening`, `emoji` and `script` from the cluster's code points.
void classify(std::string_view text, Cluster& c) {
  std::size_t i = c.begin;
  const char32_t base = core::decode_utf8(text, i);
  const int8_t type = u_charType(static_cast<UChar32>(base));
  const uint32_t mask = U_MASK(type);
  constexpr uint32_t kNeutralMask = U_GC_ZS_MASK | U_GC_P_MASK | U_GC_M_MASK | U_GC_CF_MASK;
  c.neutral = (mask & kNeutralMask) != 0 || is_ignorable(base);
  c.opening = (mask & (U_GC_PS_MASK | U_GC_PI_MASK)) != 0;
  c.script = run_script(base);
  c.emoji = wants_emoji(text, c, base);
  c.neutral = c.neutral && !c.emoji;  // a keycap "#️⃣" is a picture, not punctuation
  for (std::size_t j = c.begin; j < c.end && c.script == HB_SCRIPT_COMMON;) {
    c.script = run_script(core::decode_utf8(text, j));
  }
}

/// The font side of itemization: coverage questions and the uncovered-character warnings.
class Chooser {
 public:
  Chooser(const FontStore& fonts, std::string_view text, FontStack& stack,
          core::Diagnostics& diags, const core::SourceLoc& loc)
      : fonts_(fonts), text_(text), stack_(stack), diags_(diags), loc_(loc) {}

  /// True if `face` has a glyph for every code point of `c` that needs one.
  [[nodiscard]] bool covers(FaceId face, const Cluster& c) const {
    if (face == kNoFace) return false;
    for (std::size_t i = c.begin; i < c.end;) {
      const char32_t cp = core::decode_utf8(text_, i);
      if (!is_ignorable(cp) && fonts_.glyph_for(face, cp) == 0) return false;
    }
    return true;
  }

  /// Whether a neutral cluster may take `face` from a neighbour: it covers it and is not a
  /// colour bitmap face (whose space is as wide as an emoji and whose marks are pictures).
  [[nodiscard]] bool adopts(FaceId face, const Cluster& c) const {
    return covers(face, c) && !fonts_.info(face).color_bitmap;
  }

  /// The first face of the stack covering `c` — first among the colour bitmap faces for an
  /// emoji-presentation cluster, first among the others for the rest; if none, warns and
  /// picks a face for .notdef. Looking for a colour face, a family known to be none is not
  /// opened (an English CV with one emoji does not map a CJK face to learn it has none).
  FaceId first_covering(const Cluster& c) {
    for (const bool color : {c.emoji, !c.emoji}) {
      for (std::size_t k = 0; k < stack_.size(); ++k) {
        if (color && stack_.known_plain(k)) continue;
        const FaceId f = stack_.face(k);
        if (covers(f, c) && fonts_.info(f).color_bitmap == color) return f;
      }
    }
    return uncovered(c);
  }

 private:
  FaceId uncovered(const Cluster& c) {
    FaceId fallback = kNoFace;
    for (std::size_t i = c.begin; i < c.end;) {
      const char32_t cp = core::decode_utf8(text_, i);
      if (is_ignorable(cp)) continue;
      FaceId by_cp = kNoFace;
      for (std::size_t k = 0; k < stack_.size(); ++k) {
        if (const FaceId f = stack_.face(k); f != kNoFace && fonts_.glyph_for(f, cp) != 0) {
          by_cp = f;
          break;
        }
      }
      if (by_cp == kNoFace) warn(cp);
      if (fallback == kNoFace) fallback = by_cp;
    }
    return fallback != kNoFace ? fallback : stack_.first_available();
  }

  void warn(char32_t cp) {
    if (!warned_.insert(cp).second) return;
    std::string glyph;
    core::append_utf8(glyph, cp);
    diags_.warning(loc_,
                   "character " + core::codepoint_name(cp) + " '" +
                       core::escape_for_terminal(glyph) +
                       "' is not covered by any font in the stack (" + stack_.names() + ")",
                   kHintUncovered);
  }

  const FontStore& fonts_;
  std::string_view text_;
  FontStack& stack_;
  core::Diagnostics& diags_;
  const core::SourceLoc& loc_;
  std::set<char32_t> warned_;
};

/// Gives neutral clusters the face before them (after them, for opening punctuation) when it
/// covers them, else the first covering face of the stack.
void resolve_neutrals(std::vector<Cluster>& clusters, Chooser& chooser) {
  // next[i]: the face of the first non-neutral cluster after i (kNoFace if none).
  std::vector<FaceId> next(clusters.size(), kNoFace);
  FaceId following = kNoFace;
  for (std::size_t i = clusters.size(); i-- > 0;) {
    next[i] = following;
    if (!clusters[i].neutral) following = clusters[i].face;
  }
  FaceId previous = kNoFace;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    Cluster& c = clusters[i];
    if (c.neutral) {
      const FaceId first = c.opening ? next[i] : previous;
      const FaceId second = c.opening ? previous : next[i];
      c.face = chooser.adopts(first, c)    ? first
               : chooser.adopts(second, c) ? second
                                           : chooser.first_covering(c);
    }
    previous = c.face;
  }
}

/// Joins neighbouring clusters of one face and bidi level into runs; a change of (real) script
/// also splits.
std::vector<Run> make_runs(const std::vector<Cluster>& clusters) {
  std::vector<Run> runs;
  for (const Cluster& c : clusters) {
    if (!runs.empty()) {
      Run& r = runs.back();
      const bool same_script =
          c.script == HB_SCRIPT_COMMON || r.script == HB_SCRIPT_COMMON || c.script == r.script;
      if (r.face == c.face && r.level == c.level && same_script) {
        r.end = c.end;
        if (r.script == HB_SCRIPT_COMMON) r.script = c.script;
        continue;
      }
    }
    runs.push_back({c.begin, c.end, c.face, c.script, c.level});
  }
  return runs;
}

}  // namespace

FontStack::FontStack(FontStore& fonts, const std::vector<std::string>& families, int weight,
                     bool italic, const std::string& lang, core::Diagnostics& diags)
    : fonts_(fonts),
      families_(families),
      weight_(weight),
      italic_(italic),
      lang_(lang),
      diags_(diags),
      faces_(families_.size(), kUnopened) {}

FaceId FontStack::face(std::size_t i) {
  if (faces_[i] == kUnopened) faces_[i] = fonts_.find(families_[i], weight_, italic_, lang_, diags_);
  return faces_[i];
}

bool FontStack::known_plain(std::size_t i) {
  if (faces_[i] != kUnopened) return faces_[i] != kNoFace && !fonts_.info(faces_[i]).color_bitmap;
  const std::optional<bool> color = fonts_.color_bitmap_known(families_[i], weight_, italic_, lang_);
  return color.has_value() && !*color;
}

FaceId FontStack::first_available() {
  for (std::size_t k = 0; k < size(); ++k)
    if (const FaceId f = face(k); f != kNoFace) return f;
  return kNoFace;
}

std::string FontStack::names() const {
  std::string out;
  for (const std::string& family : families_) out += (out.empty() ? "" : ", ") + family;
  return out;
}

std::vector<Run> itemize(const FontStore& fonts, std::string_view text, std::size_t begin,
                         std::size_t end, FontStack& stack, const BidiLevels& levels,
                         core::Diagnostics& diags, const core::SourceLoc& loc) {
  if (begin >= end) return {};
  const std::vector<std::size_t> bounds = grapheme_bounds(text, begin, end);
  std::vector<Cluster> clusters;
  clusters.reserve(bounds.size());
  Chooser chooser(fonts, text, stack, diags, loc);
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    Cluster c;
    c.begin = bounds[k];
    c.end = bounds[k + 1];
    classify(text, c);
    if (!levels.empty()) c.level = levels[c.begin];
    if (!c.neutral) c.face = chooser.first_covering(c);
    clusters.push_back(c);
  }
  resolve_neutrals(clusters, chooser);
  return make_runs(clusters);
}

}  // namespace cvpdf::text
