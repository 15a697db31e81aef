// cli/batch.cpp — a pool of workers over the languages; the all-or-none write step.
#include "cli/batch.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "cli/cache_folder.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/pdf_writer.h"
#include "core/hash.h"
#include "text/shape_memo.h"

namespace cvpdf::cli {

namespace {

/// Shape memos kept: one per profile file and set of languages rendered, the least recently
/// used removed first.
constexpr std::size_t kMaxShapeMemos = 32;

/// One language through the same recipe as a single render: typeset, then write the PDF.
/// `alone`: the only language, so no other thread uses the store; `spare_core`: and a second
/// thread may help (face warm-up, the PDF writer's tasks).
void render_one(const World& world, const profile::Profile& p, const theme::Theme& theme,
                text::FontStore& fonts, pdf::BlobStore* programs, bool strict, bool alone, bool spare_core,
                LanguageResult& r) {
  const auto start = std::chrono::steady_clock::now();
  try {
    const frame::Document frames = typeset(world, p, theme, r.lang, fonts, r.diags, nullptr, spare_core);
    if (alone) fonts.close_faces();  // layout was the store's last user: unmap what it touched
    const bool stop = r.diags.has_errors() || (strict && r.diags.warning_count() > 0);
    if (!stop) {
      r.pdf = pdf_writer()(frames, r.diags, spare_core ? 2 : 1, programs);
      r.internal = r.diags.has_errors();
    }
  } catch (const ModuleMissing& e) {
    r.diags.error({}, e.what(), e.hint);  // an installation problem, reported as I/O (exit 3)
  } catch (const std::exception& e) {
    // A worker must not let an exception escape (std::terminate); report it as the bug it is.
    r.diags.error({}, std::string("internal error while rendering '") + r.lang + "': " + e.what(),
                  "please report this as a bug");
    r.internal = true;
  }
  r.failed = r.pdf.empty() || r.diags.has_errors() || (strict && r.diags.warning_count() > 0);
  if (r.failed) r.pdf.clear();
  const auto took = std::chrono::steady_clock::now() - start;
  r.ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
}

}  // namespace

std::vector<LanguageResult> render_languages(const World& world, const profile::Profile& p,
                                             const theme::Theme& theme,
                                             const std::vector<std::string>& langs,
                                             text::FontStore& fonts, unsigned jobs, bool strict) {
  std::vector<LanguageResult> results(langs.size());
  for (std::size_t i = 0; i < langs.size(); ++i) results[i].lang = langs[i];
  const auto workers = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(1, langs.size()));
  // One language alone leaves a core idle: it warms the faces while the profile is resolved
  // and shares the PDF writer's subsetting, image and page work.
  const bool alone = langs.size() == 1;
  const bool spare_core = alone && jobs > 1;
  // Kept between runs in the cache folder, if any: HarfBuzz's output for this profile and these
  // languages (text/shape_memo.h), the subset font programs (pdf/program_cache.h).
  std::optional<CacheFolder> programs;
  std::optional<CacheFolder> memos;
  text::ShapeMemo shapes;
  const std::string memo_name = shape_memo_name(p.file, langs);
  if (!world.font_cache_dir.empty()) {
    programs.emplace(world.font_cache_dir + "/programs");
    memos.emplace(world.font_cache_dir + "/shapes", kMaxShapeMemos);
    if (auto bytes = memos->get(memo_name)) shapes.load(*bytes);
    fonts.use_shape_memo(&shapes);
  }
  pdf::BlobStore* const store = programs ? &*programs : nullptr;
  struct Unset {  // the store never keeps a pointer to the memo past this function
    text::FontStore& fonts;
    ~Unset() { fonts.use_shape_memo(nullptr); }
  } unset{fonts};
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    // Each worker takes the next language not yet taken; results[i] belongs to one worker.
    for (std::size_t i = next++; i < results.size(); i = next++) {
      render_one(world, p, theme, fonts, store, strict, alone, spare_core, results[i]);
    }
  };
  if (workers == 1) {
    work();  // no thread at all for a single language or --jobs 1
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
    pool.clear();  // joins every worker
  }
  if (memos && shapes.changed())
    if (const std::string bytes = shapes.to_bytes(); !bytes.empty()) memos->put(memo_name, bytes);
  return results;
}

std::string shape_memo_name(const std::string& profile_path, const std::vector<std::string>& langs) {
  core::Fnv64 h;
  h.add(absolute_path(profile_path));
  for (const std::string& lang : langs) {
    h.add("\n");
    h.add(lang);
  }
  return "shapes-" + core::hex16(h.value()) + ".bin";
}

bool file_has_bytes(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) != bytes.size() || ec) return false;
  std::ifstream in(path, std::ios::binary);
  std::string have(bytes.size(), '\0');
  return in && in.read(have.data(), static_cast<std::streamsize>(have.size())) && in.peek() == EOF && have == bytes;
}

namespace {

void progress_line(const WritePolicy& policy, std::size_t done, std::size_t total,
                   const LanguageResult& r, const std::string& path, const char* what) {
  if (!policy.progress) return;
  std::fprintf(stderr, "[%zu/%zu] %s %s (%s, %lld ms)\n", done, total, what, path.c_str(),
               r.lang.c_str(), r.ms);
}

}  // namespace

bool write_results(const std::vector<LanguageResult>& results, const WritePolicy& policy,
                   core::Diagnostics& diags) {
  std::vector<std::string> failed;
  for (const auto& r : results) {
    if (r.failed) failed.push_back(r.lang);
  }
  const bool several = results.size() > 1;
  if (!failed.empty() && !policy.keep_going) {
    std::string list;
    for (const auto& l : failed) list += (list.empty() ? "'" : ", '") + l + "'";
    diags.note({}, "no PDF written: " + list + (failed.size() == 1 ? " has" : " have") +
                       " errors (--keep-going writes the other languages)");
    return false;
  }
  bool ok = failed.empty();
  std::size_t done = 0;
  for (const auto& r : results) {
    const std::string path = output_path(policy.pattern, r.lang, several);
    if (r.failed) {
      diags.note({}, "'" + path + "' not written: '" + r.lang + "' has errors");
      continue;
    }
    ++done;
    // A file that already holds these bytes (an unchanged profile rendered again, as a hook
    // does) is not written again: only its modification time is set to now, as a write would,
    // unless --if-changed leaves that alone too. No temporary file, no fsync: 1.4 ms of a 26 ms
    // render (issue 9). If its time cannot be set, it is written as any other.
    if (path != "-" && file_has_bytes(path, r.pdf) &&
        (policy.if_changed || ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0) == 0)) {
      progress_line(policy, done, results.size(), r, path, "unchanged");
      continue;
    }
    if (!write_atomically(path, r.pdf, diags)) {
      ok = false;
      continue;
    }
    progress_line(policy, done, results.size(), r, path, "wrote");
  }
  return ok;
}

bool pdfs_up_to_date(const std::vector<LanguageResult>& results,
                     const std::vector<std::string>& patterns, core::Diagnostics& diags) {
  bool fresh = true;
  const bool several = results.size() > 1;
  for (const auto& pattern : patterns) {
    for (const auto& r : results) {
      if (r.failed) return false;
      const std::string path = output_path(pattern, r.lang, several);
      if (file_has_bytes(path, r.pdf)) continue;
      fresh = false;
      std::error_code ec;
      const bool exists = std::filesystem::exists(path, ec);
      diags.error({path, 0, 0},
                  exists ? "stale: this PDF differs from what the profile renders now ('" +
                               r.lang + "')"
                         : "missing: no PDF here for '" + r.lang + "'",
                  "render it again with the same -o, --lang and date (SOURCE_DATE_EPOCH or "
                  "settings.current_date)");
    }
  }
  return fresh;
}

}  // namespace cvpdf::cli
