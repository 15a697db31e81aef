// profile/dates.cpp — RenderCV dates: YYYY, YYYY-MM, YYYY-MM-DD, `present`, or free text.
//
// Takes a date field; gives a located Date (or free text for `date:`). start_date and end_date
// must be calendar dates (end_date may be `present`); `date` is a calendar date when it is
// shaped like one (digits and dashes) and free text otherwise ("Fall 2023"). A date-shaped value
// is always checked: month 13, day 32 and 2023-02-29 are errors, as is a start after its end.
#include <array>
#include <cctype>

#include "core/suggest.h"
#include "profile/walk.h"

namespace cvpdf::profile::detail {

using core::closest;
using core::did_you_mean;

namespace {

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

/// Digits and dashes only, starting with a digit: the user meant a calendar date.
bool date_shaped(std::string_view s) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-') return false;
  return true;
}

/// `n` digits at s[pos…] as a number, or -1.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/// Splits YYYY[-MM[-DD]] strictly; false when the shape is wrong.
bool split_date(std::string_view s, Date& d) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  d.year = digits(s, 0, 4);
  if (s.size() >= 7) {
    if (s[4] != '-') return false;
    d.month = digits(s, 5, 2);
  }
  if (s.size() == 10) {
    if (s[7] != '-') return false;
    d.day = digits(s, 8, 2);
  }
  return d.year >= 0 && d.month >= 0 && d.day >= 0;
}

/// Range checks of a well-shaped date; true when it is a real calendar date.
bool check_range(Ctx& ctx, const std::string& s, const Date& d) {
  if (d.year < 1) {
    ctx.diags.error(d.loc, "year 0 is out of range in '" + s + "'");
    return false;
  }
  if (s.size() >= 7 && (d.month < 1 || d.month > 12)) {
    ctx.diags.error(d.loc, "month " + std::to_string(d.month) + " is out of range in '" + s + "'",
                    "months run from 01 to 12");
    return false;
  }
  if (s.size() == 10 && (d.day < 1 || d.day > days_in_month(d.year, d.month))) {
    ctx.diags.error(
        d.loc, "day " + std::to_string(d.day) + " is out of range in '" + s + "'",
        s.substr(0, 7) + " has " + std::to_string(days_in_month(d.year, d.month)) + " days");
    return false;
  }
  return true;
}

void bad_format(Ctx& ctx, const Field& f, const std::string& s, DateKind kind) {
  std::string hint = kind == DateKind::End ? did_you_mean(s, {"present"}) : std::string();
  if (hint.empty())
    hint = kind == DateKind::End ? "write YYYY, YYYY-MM, YYYY-MM-DD or present"
                                 : "write YYYY, YYYY-MM or YYYY-MM-DD";
  ctx.diags.error(f.loc, "'" + s + "' is not a valid " + f.key, hint);
}

}  // namespace

Date read_date(Ctx& ctx, const Field& f, DateKind kind, Text* free_text) {
  Date d;
  d.loc = f.loc;
  if (f.value.IsNull()) return d;
  if (kind == DateKind::Free && f.value.IsMap() && free_text) {
    *free_text = read_text(ctx, f);  // a translated free-text date: {en: Fall 2023, zh: …}
    return d;
  }
  if (!f.value.IsScalar()) {
    wrong_type(ctx, f, "a date");
    return d;
  }
  const std::string s = f.value.Scalar();
  if (kind == DateKind::End && s == "present") {
    d.present = true;
    return d;
  }
  if (!date_shaped(s)) {
    if (kind == DateKind::Free && free_text) {
      *free_text = Text{{{"", s}}, f.loc};
    } else {
      bad_format(ctx, f, s, kind);
    }
    return d;
  }
  Date parsed = d;
  if (!split_date(s, parsed)) {
    bad_format(ctx, f, s, kind);
    return d;
  }
  return check_range(ctx, s, parsed) ? parsed : d;
}

std::string date_str(const Date& d) {
  if (d.present) return "present";
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  std::string s = std::to_string(d.year);
  if (d.month) s += "-" + two(d.month);
  if (d.day) s += "-" + two(d.day);
  return s;
}

void check_date_order(Ctx& ctx, const Date& start, const Date& end) {
  if (start.empty() || end.empty() || start.present || end.present) return;
  // Compare at the precision both dates have: 2023-05 is not after 2023.
  int order = (start.year > end.year) - (start.year < end.year);
  if (order == 0 && start.month && end.month)
    order = (start.month > end.month) - (start.month < end.month);
  if (order == 0 && start.month && end.month && start.day && end.day)
    order = (start.day > end.day) - (start.day < end.day);
  if (order > 0) {
    ctx.diags.error(start.loc,
                    "start_date " + date_str(start) + " is after end_date " + date_str(end));
  }
}

}  // namespace cvpdf::profile::detail
