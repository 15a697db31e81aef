// i18n/date_memo.cpp — the memo's bytes (see date_memo.h).
#include "i18n/date_memo.h"

#include <unicode/uversion.h>

#include <cstdio>

#include "core/hash.h"

namespace cvpdf::i18n {

namespace {

std::string header(const std::string& lang) {
  return std::string(kDateMemoFormat) + " icu " U_ICU_VERSION " lang " + lang + "\n";
}

std::string checksum_line(std::string_view body) {
  core::Fnv64 h;
  h.add(body);
  char buf[32];
  std::snprintf(buf, sizeof buf, "sum %016llx\n", static_cast<unsigned long long>(h.value()));
  return buf;
}

}  // namespace

DateMemo DateMemo::parse(std::string_view bytes, const std::string& lang) {
  DateMemo memo(lang);
  const std::string head = header(lang);
  if (bytes.size() > kMaxDateMemoBytes || !bytes.starts_with(head)) return memo;
  // The checksum line closes the file: "sum " + 16 hex digits + "\n".
  constexpr std::size_t kSumLine = 4 + 16 + 1;
  if (bytes.size() < head.size() + kSumLine) return memo;
  const std::string_view body = bytes.substr(0, bytes.size() - kSumLine);
  if (checksum_line(body) != bytes.substr(body.size())) return memo;
  for (std::size_t at = head.size(); at < body.size();) {
    const std::size_t end = body.find('\n', at);
    const std::size_t tab = body.find('\t', at);
    if (end == std::string_view::npos || tab == std::string_view::npos || tab > end ||
        memo.answers_.size() >= kMaxDateMemoEntries)
      return DateMemo(lang);
    memo.answers_.emplace(std::string(body.substr(at, tab - at)),
                          std::string(body.substr(tab + 1, end - tab - 1)));
    at = end + 1;
  }
  return memo;
}

const std::string* DateMemo::find(const std::string& question) const {
  const auto it = answers_.find(question);
  return it == answers_.end() ? nullptr : &it->second;
}

void DateMemo::add(const std::string& question, const std::string& answer) {
  if (answers_.size() >= kMaxDateMemoEntries) return;
  for (const std::string* s : {&question, &answer})
    if (s->find_first_of("\t\n") != std::string::npos) return;
  if (answers_.emplace(question, answer).second) changed_ = true;
}

std::string DateMemo::to_bytes() const {
  std::string out = header(lang_);
  for (const auto& [q, a] : answers_) out += q + '\t' + a + '\n';
  out += checksum_line(out);
  return out;
}

std::string date_memo_file(const std::string& cache_dir, const std::string& lang) {
  core::Fnv64 h;
  h.add(lang);
  char name[40];
  std::snprintf(name, sizeof name, "/dates-%016llx.memo", static_cast<unsigned long long>(h.value()));
  return cache_dir + name;
}

}  // namespace cvpdf::i18n
