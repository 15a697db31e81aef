// i18n/locale.cpp — CLDR dates, date ranges and lists through ICU.
#include "i18n/locale.h"

#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtitvinf.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/simpletz.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace cvpdf::i18n {

namespace {

/// ICU's default time zone, set once for the process to UTC without the zone database: every
/// date cvpdf formats is a UTC instant (never the machine's clock or zone), and detecting the
/// host's zone and loading zoneinfo64 to do so cost 0.7 MiB of resident pages per run (issue 9).
/// ICU formatters and calendars made without a zone (SimpleDateFormat, DateIntervalFormat) take
/// the default.
void use_utc_by_default() {
  static std::once_flag once;
  std::call_once(once, [] { icu::TimeZone::adoptDefault(new icu::SimpleTimeZone(0, u"UTC")); });
}

}  // namespace

std::string document_lang(const std::string& tag) {
  if (tag == "zh" || tag == "zh-CN" || tag == "zh-SG") return "zh-Hans";
  if (tag == "zh-TW" || tag == "zh-HK" || tag == "zh-MO") return "zh-Hant";
  return tag;
}

bool tag_matches(const std::string& text_tag, const std::string& want) {
  if (text_tag == want) return true;
  auto prefix = [](const std::string& a, const std::string& b) {
    return b.size() > a.size() && b.compare(0, a.size(), a) == 0 && b[a.size()] == '-';
  };
  return prefix(text_tag, want) || prefix(want, text_tag) ||
         document_lang(text_tag) == document_lang(want);
}

/// The ICU objects for one language, made once: building a DateTimePatternGenerator loads the
/// locale's CLDR data and costs far more than formatting (measured: ~3 ms per creation).
struct DateFormatter::Impl {
  icu::Locale locale;
  std::unique_ptr<icu::TimeZone> utc{new icu::SimpleTimeZone(0, u"UTC")};
  std::unique_ptr<icu::DateTimePatternGenerator> generator;
  std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>> formats;      // by skeleton
  std::map<std::string, std::unique_ptr<icu::DateIntervalFormat>> intervals;  // by skeleton

  [[nodiscard]] UDate instant(int year, int month, UErrorCode& status) const {
    icu::GregorianCalendar cal(*utc, locale, status);
    cal.clear();
    cal.set(year, month - 1, 1, 12, 0, 0);
    return cal.getTime(status);
  }
};

DateFormatter::DateFormatter(const std::string& lang, const LocaleCatalog& locales, DateMemo* memo)
    : lang_(lang), locales_(locales), memo_(memo) {}

DateFormatter::~DateFormatter() = default;

DateFormatter::Impl& DateFormatter::icu() const {
  if (impl_) return *impl_;
  use_utc_by_default();
  impl_ = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl_->locale = icu::Locale::forLanguageTag(lang_, status);
  if (U_FAILURE(status)) impl_->locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  impl_->generator.reset(icu::DateTimePatternGenerator::createInstance(impl_->locale, status));
  if (U_FAILURE(status)) impl_->generator.reset();
  return *impl_;
}

std::string DateFormatter::memoized(const std::string& question,
                                    const std::function<std::string()>& ask_icu) const {
  if (memo_ == nullptr) return ask_icu();
  if (const std::string* known = memo_->find(question)) return *known;
  std::string answer = ask_icu();
  memo_->add(question, answer);
  return answer;
}

std::string DateFormatter::icu_format(const char* skeleton, int year, int month) const {
  const std::string question =
      "date " + std::string(skeleton) + " " + std::to_string(year) + " " + std::to_string(month);
  return memoized(question, [&] {
    Impl& impl = icu();
    if (!impl.generator) return std::to_string(year);
    UErrorCode status = U_ZERO_ERROR;
    auto& fmt = impl.formats[skeleton];
    if (!fmt) {
      const icu::UnicodeString pattern =
          impl.generator->getBestPattern(icu::UnicodeString(skeleton), status);
      fmt = std::make_unique<icu::SimpleDateFormat>(pattern, impl.locale, status);
      if (U_FAILURE(status)) {
        fmt.reset();
        return std::to_string(year);
      }
    }
    const UDate when = impl.instant(year, month, status);
    icu::UnicodeString out;
    fmt->format(when, out);
    std::string utf8;
    out.toUTF8String(utf8);
    return U_SUCCESS(status) ? utf8 : std::to_string(year);
  });
}

std::string DateFormatter::date(const profile::Date& d) const {
  if (d.present) return locales_.phrase("present", lang_);
  if (d.year == 0) return {};
  if (d.month == 0) return icu_format("y", d.year, 1);
  return icu_format("yMMM", d.year, d.month);
}

std::string DateFormatter::month_year(int year, int month) const {
  return icu_format("yMMMM", year, month);
}

std::string DateFormatter::icu_interval(const char* skeleton, const profile::Date& a,
                                        const profile::Date& b) const {
  const std::string question = "range " + std::string(skeleton) + " " + std::to_string(a.year) +
                               " " + std::to_string(a.month) + " " + std::to_string(b.year) + " " +
                               std::to_string(b.month);
  return memoized(question, [&] {
    Impl& impl = icu();
    UErrorCode status = U_ZERO_ERROR;
    auto& fmt = impl.intervals[skeleton];
    if (!fmt) {
      fmt.reset(icu::DateIntervalFormat::createInstance(icu::UnicodeString(skeleton), impl.locale,
                                                        status));
      if (U_FAILURE(status) || !fmt) {
        fmt.reset();
        return fallback_range(date(a), date(b));
      }
      fmt->setTimeZone(*impl.utc);
    }
    const icu::DateInterval interval(impl.instant(a.year, std::max(a.month, 1), status),
                                     impl.instant(b.year, std::max(b.month, 1), status));
    icu::UnicodeString out;
    icu::FieldPosition pos;
    fmt->format(&interval, out, pos, status);
    std::string utf8;
    out.toUTF8String(utf8);
    return U_SUCCESS(status) ? utf8 : fallback_range(date(a), date(b));
  });
}

/// CLDR's intervalFormatFallback ("{0} – {1}", "{0}～{1}"): two dates of different precision.
std::string DateFormatter::fallback_range(const std::string& a, const std::string& b) const {
  const std::string pattern_utf8 = memoized("fallback", [&] {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateIntervalInfo info(icu().locale, status);
    icu::UnicodeString pattern;
    info.getFallbackIntervalPattern(pattern);
    if (U_FAILURE(status) || pattern.isEmpty()) pattern = u"{0} \u2013 {1}";
    std::string utf8;
    pattern.unescape().toUTF8String(utf8);
    return utf8;
  });
  icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(pattern_utf8);
  pattern.findAndReplace(u"{0}", icu::UnicodeString::fromUTF8(a));
  pattern.findAndReplace(u"{1}", icu::UnicodeString::fromUTF8(b));
  std::string utf8;
  pattern.toUTF8String(utf8);
  return utf8;
}

std::string DateFormatter::range(const profile::Date& start, const profile::Date& end) const {
  if (start.empty()) return date(end);
  if (end.empty()) return date(start);
  if (end.present) {
    std::string pattern = locales_.phrase("ongoing", lang_);
    const auto at = pattern.find("{start}");
    if (at == std::string::npos) return fallback_range(date(start), date(end));
    return pattern.replace(at, 7, date(start));
  }
  if (start.present) return fallback_range(date(start), date(end));
  if ((start.month == 0) != (end.month == 0)) return fallback_range(date(start), date(end));
  return icu_interval(start.month == 0 ? "y" : "yMMM", start, end);
}

std::string join_list(const std::vector<std::string>& items, const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status)) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> fmt(icu::ListFormatter::createInstance(locale, status));
  std::vector<icu::UnicodeString> parts;
  for (const auto& s : items) parts.push_back(icu::UnicodeString::fromUTF8(s));
  icu::UnicodeString out;
  if (fmt) fmt->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  std::string utf8;
  if (U_SUCCESS(status) && fmt) return out.toUTF8String(utf8);
  for (const auto& s : items) utf8 += (utf8.empty() ? "" : ", ") + s;
  return utf8;
}

std::string to_upper(const std::string& text, const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status)) locale = icu::Locale::getRoot();
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(locale).toUTF8String(out);
  return out;
}

}  // namespace cvpdf::i18n
