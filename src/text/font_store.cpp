// text/font_store.cpp — FontStore: fontconfig lookups in a private configuration, face cache.
//
// Takes the store's font folders; gives faces by (family, weight, slant, language): from the
// font index when an earlier run answered the same request (font_index.h), else from
// fontconfig, whose configuration is built on that first miss and is the store's own:
// FcConfigCreate (or, when `use_system`, a fresh
// FcInitLoadConfigAndFonts copy of the system's) plus every font file of the store's folders
// (FcConfigAppFontAddFile); never the process-wide current one, so stores share no state. A lookup
// lists the fonts of exactly that family (FcFontList) and lets fontconfig order them by closeness
// of weight and slant (FcFontSetSort): a missing family is kNoFace, never another family. Results
// are cached per request, and faces per (file, index).
#include <algorithm>
#include <cassert>
#include <cctype>
#include <filesystem>
#include <optional>

#include "text/font_store_impl.h"

namespace cvpdf::text {
namespace {

/// A diagnostic kept until the first find() can report it. (Built field by field: GCC 12
/// warns falsely about aggregate-initialised strings here, -Wmaybe-uninitialized.)
core::Diagnostic pending_diag(core::Severity severity, const std::string& file,
                              std::string message, std::string hint) {
  core::Diagnostic d;
  d.severity = severity;
  d.loc.file = file;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

const char* const kHintBrokenFont = "remove or replace the file";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// Noto CJK's regional suffix for a BCP 47 tag (zh-Hant-HK → HK, zh-TW → TC, ja → JP, ...).
std::string cjk_region(const std::string& lang) {
  const std::string l = lower(lang) + "-";
  auto has = [&](const char* subtag) { return l.find(std::string("-") + subtag + "-") != l.npos; };
  if (l.rfind("ja-", 0) == 0) return "JP";
  if (l.rfind("ko-", 0) == 0) return "KR";
  if (l.rfind("zh-", 0) == 0) {
    if (has("hk") || has("mo")) return "HK";
    if (has("hant") || has("tw")) return "TC";
  }
  return "SC";  // zh, zh-Hans, zh-CN, zh-SG, and any other language
}

/// "Noto Serif CJK" + zh-TW → "Noto Serif CJK TC"; other families are returned unchanged.
std::string resolve_family(const std::string& family, const std::string& lang) {
  constexpr std::string_view kCjk = " CJK";
  if (family.size() < kCjk.size() ||
      family.compare(family.size() - kCjk.size(), kCjk.size(), kCjk) != 0) {
    return family;
  }
  return family + " " + cjk_region(lang);
}

std::string get_string(FcPattern* p, const char* object, int n = 0) {
  FcChar8* s = nullptr;
  if (FcPatternGetString(p, object, n, &s) != FcResultMatch || s == nullptr) return {};
  return reinterpret_cast<const char*>(s);
}

int get_int(FcPattern* p, const char* object, int fallback) {
  int v = 0;
  return FcPatternGetInteger(p, object, 0, &v) == FcResultMatch ? v : fallback;
}

/// The candidates of one family, best first for (weight, italic), as fontconfig orders them.
FcFontSetPtr family_candidates(FcConfig* config, const std::string& family, int weight,
                               bool italic) {
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSetPtr objects(FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, FC_INDEX, FC_WEIGHT,
                                          FC_SLANT, FC_WIDTH, FC_POSTSCRIPT_NAME, FC_VARIABLE,
                                          nullptr));
  FcFontSetPtr listed(FcFontList(config, pattern.get(), objects.get()));
  if (!listed || listed->nfont == 0) return nullptr;
  FcPatternAddDouble(pattern.get(), FC_WEIGHT, FcWeightFromOpenTypeDouble(weight));
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  // No FcConfigSubstitute: the candidates are one family already, and the system's rules
  // (aliases, language and hinting edits) cost ~2 M instructions per lookup for no change in
  // the order by weight and slant. FcDefaultSubstitute fills the remaining sort keys.
  FcDefaultSubstitute(pattern.get());
  FcFontSet* sets[] = {listed.get()};
  FcResult result = FcResultNoMatch;
  return FcFontSetPtr(FcFontSetSort(config, sets, 1, pattern.get(), FcFalse, nullptr, &result));
}

}  // namespace

const OpenFace& FontStore::Impl::face(FaceId id) const {
  std::shared_lock lock(mutex);
  assert(id >= 0 && static_cast<std::size_t>(id) < faces.size());
  return *faces[static_cast<std::size_t>(id)];
}

FontStore::FontStore(std::vector<std::string> font_dirs, bool use_system, IndexSettings index)
    : impl_(std::make_unique<Impl>()) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) {
    impl_->pending.push_back(pending_diag(core::Severity::Error, {}, "FreeType cannot be initialised", {}));
  }
  impl_->ft_library.reset(lib);
  impl_->font_dirs = std::move(font_dirs);
  impl_->use_system = use_system;
  impl_->index_settings = std::move(index);
  if (impl_->index_settings.file.empty()) impl_->index_usable = false;
  // A missing folder is a warning every run: such runs build fontconfig and are not cached.
  for (const std::string& dir : impl_->font_dirs) {
    std::error_code ec;
    if (!impl_->index_usable) break;
    if (!std::filesystem::is_directory(dir, ec)) impl_->index_usable = false;
    impl_->canonical_dirs.push_back(std::filesystem::weakly_canonical(dir, ec).string());
  }
  if (impl_->index_usable) impl_->index = FontIndex::load(impl_->index_settings.file);
}

FontStore::~FontStore() {
  Impl& im = *impl_;
  if (im.index_dirty && im.index_usable && !im.index.empty())
    (void)im.index.save(im.index_settings.file);
}

namespace {

void add_stamps(std::vector<Stamp>& out, FcStrList* list, bool with_parent) {
  for (FcChar8* s = FcStrListNext(list); s != nullptr; s = FcStrListNext(list)) {
    const std::string path = reinterpret_cast<const char*>(s);
    out.push_back(stamp_of(path));
    if (with_parent) out.push_back(stamp_of(std::filesystem::path(path).parent_path().string()));
  }
  FcStrListDone(list);
}

/// What fontconfig's answers depend on: the store's folders (every folder and file in them),
/// and with system fonts the configuration files (and their folders) and font folders that
/// fontconfig read, and the user's configuration paths even if they do not exist yet.
std::vector<Stamp> answer_stamps(FontStore::Impl& im) {
  std::vector<Stamp> stamps = stamp_tree(im.font_dirs);
  if (im.use_system && im.config) {
    add_stamps(stamps, FcConfigGetConfigFiles(im.config.get()), true);
    add_stamps(stamps, FcConfigGetFontDirs(im.config.get()), false);
  }
  for (const std::string& path : im.index_settings.watched) stamps.push_back(stamp_of(path));
  std::sort(stamps.begin(), stamps.end(),
            [](const Stamp& a, const Stamp& b) { return a.path < b.path; });
  stamps.erase(std::unique(stamps.begin(), stamps.end()), stamps.end());
  return stamps;
}

}  // namespace

/// Builds the store's fontconfig configuration, once: the system's (when `use_system`) plus
/// every font file of the store's folders. Problems go to `pending`.
static void ensure_config(FontStore::Impl& im) {
  if (im.config) return;
  std::vector<Stamp> before = stamp_tree(im.font_dirs);  // stamped before fontconfig reads them
  im.config.reset(im.use_system ? FcInitLoadConfigAndFonts() : FcConfigCreate());
  // Files are added one by one (not FcConfigAppFontAddDir): a private configuration has no
  // cache folder, and this way a file fontconfig cannot parse is known, to say so.
  std::vector<std::string> missing;
  for (const std::string& file : font_files_under(im.font_dirs, missing)) {
    if (!FcConfigAppFontAddFile(im.config.get(), reinterpret_cast<const FcChar8*>(file.c_str()))) {
      im.pending.push_back(pending_diag(core::Severity::Warning, file,
                                        "font file '" + file + "' cannot be read and is skipped",
                                        kHintBrokenFont));
    }
  }
  for (const std::string& dir : missing) {
    im.pending.push_back(pending_diag(core::Severity::Warning, dir,
                                      "font folder '" + dir + "' does not exist",
                                      "check the font path"));
  }
  if (!im.pending.empty()) im.index_usable = false;
  if (!im.index_usable) return;
  std::vector<Stamp> stamps = answer_stamps(im);
  if (stamp_tree(im.font_dirs) != before) im.index_usable = false;  // changed while read
  if (stamps != im.index.stamps()) im.index.clear();  // answers of another state: drop them
  im.index.set_stamps(std::move(stamps));
}

/// Opens (once) the face at fontconfig's (file, index) and checks its PostScript name.
static FaceId open_candidate(FontStore::Impl& im, FcPattern* candidate, core::Diagnostics& diags) {
  const std::string path = get_string(candidate, FC_FILE);
  int index = get_int(candidate, FC_INDEX, 0) & 0xFFFF;  // high bits: named instance
  const auto key = std::make_pair(path, index);
  if (auto it = im.by_file.find(key); it != im.by_file.end()) return it->second;
  if (im.broken.count(key) != 0) return kNoFace;
  std::string error;
  std::unique_ptr<OpenFace> face = open_face(path, index, error);
  const std::string expected_ps = get_string(candidate, FC_POSTSCRIPT_NAME);
  if (face && !expected_ps.empty() && face->info.postscript_name != expected_ps) {
    // A collection whose index fontconfig reports differently: find the face by name.
    const int by_name = find_face_by_postscript_name(im.ft_library.get(), path, expected_ps);
    if (by_name >= 0) face = open_face(path, by_name, error);
  }
  if (!face) {
    im.broken[key] = true;
    diags.warning({path, 0, 0}, "font file '" + path + "' cannot be used (" + error + "); skipped",
                  kHintBrokenFont);
    return kNoFace;
  }
  face->info.family = get_string(candidate, FC_FAMILY);
  face->info.weight = FcWeightToOpenType(get_int(candidate, FC_WEIGHT, FC_WEIGHT_REGULAR));
  face->info.italic = get_int(candidate, FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN;
  const auto id = static_cast<FaceId>(im.faces.size());
  im.by_file.emplace(std::make_pair(face->info.path, face->info.face_index), id);  // index's key
  im.faces.push_back(std::move(face));
  im.by_file.emplace(key, id);
  return id;
}

/// The first candidate of `family` that opens; variable-font entries are not supported yet.
static FaceId lookup(FontStore::Impl& im, const std::string& family, int weight, bool italic,
                     core::Diagnostics& diags) {
  FcFontSetPtr candidates = family_candidates(im.config.get(), family, weight, italic);
  for (int i = 0; candidates && i < candidates->nfont; ++i) {
    FcPattern* c = candidates->fonts[i];
    FcBool variable = FcFalse;
    if (FcPatternGetBool(c, FC_VARIABLE, 0, &variable) == FcResultMatch && variable) continue;
    if (const FaceId id = open_candidate(im, c, diags); id != kNoFace) return id;
  }
  return kNoFace;
}

/// Whether `path` lies inside one of the store's font folders or, with system fonts, one of
/// the folders the index stamped (fontconfig's font and configuration folders): an index file
/// someone edited cannot lead the store to a font outside the World's font folders.
static bool inside_font_folders(const FontStore::Impl& im, const std::string& path) {
  auto under = [&](const std::string& dir) {
    return !dir.empty() && path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
           path[dir.size()] == '/';
  };
  if (std::any_of(im.canonical_dirs.begin(), im.canonical_dirs.end(), under)) return true;
  if (!im.use_system) return false;
  return std::any_of(im.index.stamps().begin(), im.index.stamps().end(),
                     [&](const Stamp& st) { return under(st.path); });
}

/// The face an earlier run's fontconfig chose for `request`, opened; nullopt when the index
/// cannot answer (no entry, or the file no longer holds that face: then the index is dropped).
static std::optional<FaceId> from_index(FontStore::Impl& im, const std::string& request) {
  if (!im.index_usable) return std::nullopt;
  const IndexAnswer* a = im.index.find(request);
  if (a == nullptr) return std::nullopt;
  if (!a->found) return kNoFace;
  const auto key = std::make_pair(a->path, a->face_index);
  if (auto it = im.by_file.find(key); it != im.by_file.end()) return it->second;
  std::string error;
  std::unique_ptr<OpenFace> face;
  if (inside_font_folders(im, a->path)) face = open_face(a->path, a->face_index, error);
  if (!face || face->info.postscript_name != a->postscript_name) {
    im.index.clear();  // stale: fontconfig answers from now on, and the index is rebuilt
    return std::nullopt;
  }
  face->info.family = a->family;
  face->info.weight = a->weight;
  face->info.italic = a->italic;
  const auto id = static_cast<FaceId>(im.faces.size());
  im.faces.push_back(std::move(face));
  im.by_file.emplace(key, id);
  return id;
}

/// Records fontconfig's answer for the next runs (not when the lookup warned: a run served
/// from the index would not repeat the warning).
static void record(FontStore::Impl& im, const std::string& request, FaceId id, bool warned) {
  if (!im.index_usable || warned) return;
  IndexAnswer a;
  if (id != kNoFace) {
    const FaceInfo& info = im.faces[static_cast<std::size_t>(id)]->info;
    a = {true, info.path, info.face_index, info.postscript_name, info.family, info.weight,
         info.italic, info.color_bitmap};
  }
  if (im.index.record(request, a)) im.index_dirty = true;
}

/// The key of a request in `by_request` and in the index.
static std::string request_key(const std::string& resolved_family, int weight, bool italic) {
  return resolved_family + '|' + std::to_string(weight) + (italic ? "|i" : "|r");
}

static void report_pending(FontStore::Impl& im, core::Diagnostics& diags) {
  for (core::Diagnostic& d : im.pending) diags.add(std::move(d));
  im.pending.clear();
}

/// find_quietly's answer, the store's lock held.
static std::optional<FaceId> quiet_answer(FontStore::Impl& im, const std::string& key) {
  if (!im.pending.empty()) return std::nullopt;  // find() reports them to the render
  if (auto it = im.by_request.find(key); it != im.by_request.end()) return it->second;
  const std::optional<FaceId> id = from_index(im, key);
  if (id) im.by_request.emplace(key, *id);
  return id;
}

namespace {
thread_local int quiet_scopes = 0;  ///< QuietScope objects alive on this thread
}  // namespace

FontStore::QuietScope::QuietScope() { ++quiet_scopes; }
FontStore::QuietScope::~QuietScope() { --quiet_scopes; }

FaceId FontStore::find(const std::string& family, int weight, bool italic, const std::string& lang,
                       core::Diagnostics& diags) {
  Impl& im = *impl_;
  std::unique_lock lock(im.mutex);  // serialised: concurrent renders share one store
  if (quiet_scopes > 0) {
    const std::optional<FaceId> id = quiet_answer(im, request_key(resolve_family(family, lang), weight, italic));
    if (!id) throw NotQuiet{};
    return *id;
  }
  if (!im.pending.empty()) report_pending(im, diags);  // a cache hit writes nothing
  const std::string resolved = resolve_family(family, lang);
  const std::string key = request_key(resolved, weight, italic);
  if (auto it = im.by_request.find(key); it != im.by_request.end()) return it->second;
  std::optional<FaceId> id = from_index(im, key);
  if (!id) {
    ensure_config(im);
    if (!im.pending.empty()) report_pending(im, diags);
    const std::size_t before = diags.all().size();
    id = lookup(im, resolved, weight, italic, diags);
    record(im, key, *id, diags.all().size() != before);
  }
  im.by_request.emplace(key, *id);
  return *id;
}

std::optional<bool> FontStore::color_bitmap_known(const std::string& family, int weight, bool italic,
                                                   const std::string& lang) {
  Impl& im = *impl_;
  std::unique_lock lock(im.mutex);
  const std::string key = request_key(resolve_family(family, lang), weight, italic);
  if (auto it = im.by_request.find(key); it != im.by_request.end())
    return it->second == kNoFace ? std::optional<bool>() : im.faces[static_cast<std::size_t>(it->second)]->info.color_bitmap;
  if (!im.index_usable) return std::nullopt;
  const IndexAnswer* a = im.index.find(key);
  if (a == nullptr || !a->found) return std::nullopt;
  return a->color_bitmap;
}

void FontStore::use_shape_memo(ShapeMemo* memo) { impl_->shape_memo = memo; }
const ShapeMemo* FontStore::shape_memo() const { return impl_->shape_memo; }

std::size_t FontStore::opened_faces() const {
  std::unique_lock lock(impl_->mutex);
  return impl_->faces.size();
}

std::optional<FaceId> FontStore::find_quietly(const std::string& family, int weight, bool italic,
                                              const std::string& lang) {
  Impl& im = *impl_;
  std::unique_lock lock(im.mutex);
  return quiet_answer(im, request_key(resolve_family(family, lang), weight, italic));
}

void FontStore::close_faces() {
  Impl& im = *impl_;
  std::unique_lock lock(im.mutex);
  const std::lock_guard colour_lock(im.color_mutex);
  im.color_glyphs.clear();
  im.by_request.clear();
  im.by_file.clear();
  im.faces.clear();
}

const FaceInfo& FontStore::info(FaceId id) const {
  return impl_->face(id).info;
}

unsigned FontStore::glyph_for(FaceId id, char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(impl_->face(id).hb_font.get(), cp, &gid)) return 0;
  return gid;
}

}  // namespace cvpdf::text
