// linebreak/breaks.cpp — ICU's line BreakIterator over UTF-8 (see breaks.h).
#include "linebreak/breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <memory>

namespace cvpdf::linebreak {
namespace {

// ICU's line-break keyword (UTS #35, "Unicode Locale Identifier", key "lb"): "strict" applies
// jlreq's strict kinsoku (small kana and "ー" never start a line) — the usual Japanese setting;
// "normal" is what Chinese text conventionally uses (GB/T 15834 forbids only punctuation at
// line starts, which every setting already does).
constexpr const char* kLineBreakKeyword = "lb";
constexpr const char* kJapaneseLineBreak = "strict";
constexpr const char* kChineseLineBreak = "normal";

/// The primary language subtag of a BCP 47 tag ("zh-Hans-CN" → "zh"), lower case.
std::string primary_language(const std::string& lang) {
  std::string primary = lang.substr(0, lang.find_first_of("-_"));
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](unsigned char c) { return static_cast<char>(c | 0x20); });
  return primary;
}

icu::Locale locale_for(const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale =
      lang.empty() ? icu::Locale::getRoot() : icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status)) locale = icu::Locale::getRoot();  // unknown tag: the UAX #14 defaults
  const std::string primary = primary_language(lang);
  const char* lb = primary == "ja"   ? kJapaneseLineBreak
                   : primary == "zh" ? kChineseLineBreak
                                     : nullptr;
  if (lb != nullptr) {
    status = U_ZERO_ERROR;
    locale.setKeywordValue(kLineBreakKeyword, lb, status);
  }
  return locale;
}

/// Closes a UText on scope exit.
struct UTextCloser {
  void operator()(UText* ut) const { utext_close(ut); }
};

/// The line iterator for `lang`, made once per thread and language: building one from ICU's
/// rule data cost 5 M instructions per seed render when done per paragraph; setText on a made
/// one is cheap. Thread-local, so the threads of a batch render share nothing. nullptr without
/// ICU data.
icu::BreakIterator* line_iterator(const std::string& lang) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  std::unique_ptr<icu::BreakIterator>& slot = cache[lang];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createLineInstance(locale_for(lang), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

}  // namespace

std::string icu_locale_for(const std::string& lang) {
  return locale_for(lang).getName();
}

std::vector<BreakOpportunity> find_breaks(std::string_view utf8, const std::string& lang) {
  std::vector<BreakOpportunity> breaks;
  if (utf8.empty()) return breaks;

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
  icu::BreakIterator* it = line_iterator(lang);
  if (U_FAILURE(status) || it == nullptr) return breaks;  // ICU data missing: no breaks, lines overflow
  it->setText(ut.get(), status);
  if (U_FAILURE(status)) return breaks;

  // Over a UTF-8 UText, ICU's indices are native indices: byte offsets into `utf8`.
  for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
    const auto offset = static_cast<std::size_t>(pos);
    if (offset == 0 || offset >= utf8.size()) continue;
    const int32_t rule_status = it->getRuleStatus();
    const bool hard = rule_status >= UBRK_LINE_HARD && rule_status < UBRK_LINE_HARD_LIMIT;
    breaks.push_back({offset, hard});
  }
  return breaks;
}

void drop_breaks_inside(std::vector<BreakOpportunity>& breaks,
                        const std::vector<ByteRange>& keep_together) {
  auto inside = [&](const BreakOpportunity& b) {
    if (b.mandatory) return false;
    return std::any_of(keep_together.begin(), keep_together.end(),
                       [&](const ByteRange& r) { return r.begin < b.offset && b.offset < r.end; });
  };
  breaks.erase(std::remove_if(breaks.begin(), breaks.end(), inside), breaks.end());
}

ScriptSide script_side(std::string_view utf8, bool last) {
  if (utf8.empty()) return ScriptSide::Other;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto size = static_cast<int32_t>(utf8.size());
  UChar32 c = 0;
  int32_t i = last ? size : 0;
  if (last) {
    U8_PREV(bytes, 0, i, c);
  } else {
    U8_NEXT(bytes, i, size, c);
  }
  if (c < 0) return ScriptSide::Other;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_BOPOMOFO:
      return ScriptSide::Cjk;
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
      return u_isalnum(c) ? ScriptSide::Western : ScriptSide::Other;
    default:
      return (c >= '0' && c <= '9') ? ScriptSide::Western : ScriptSide::Other;
  }
}

void drop_breaks_after_hyphens(std::vector<BreakOpportunity>& breaks, std::string_view utf8) {
  auto after_hyphen = [&](const BreakOpportunity& b) {
    if (b.mandatory) return false;
    const std::string_view before = utf8.substr(0, b.offset);
    return before.ends_with("-") || before.ends_with("\xE2\x80\x90");  // U+002D, U+2010
  };
  breaks.erase(std::remove_if(breaks.begin(), breaks.end(), after_hyphen), breaks.end());
}

}  // namespace cvpdf::linebreak
