// profile/model_bytes.cpp — the model's fields, in order, written and read back (see
// model_bytes.h). Numbers are 32-bit little-endian, strings and lists are counted.
#include "profile/model_bytes.h"

#include <type_traits>

#include "core/byte_io.h"

namespace cvpdf::profile {
namespace {

// A field added to one of these structs changes its size: add it to its list below, then here.
// (The sizes of a 64-bit libstdc++, on which cvpdf is built and tested.)
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8
static_assert(sizeof(Str) == 72 && sizeof(Text) == 64 && sizeof(Date) == 56, "serialize the new field");
static_assert(sizeof(Entry) == 1448 && sizeof(Section) == 176 && sizeof(SocialNetwork) == 184,
              "serialize the new field");
static_assert(sizeof(Cv) == 424 && sizeof(Settings) == 312 && sizeof(Profile) == 864, "serialize the new field");
#endif

/// Every field of each struct, in one order for both directions: f(field) for each.
template <class S, class F>
void fields(S& s, F& f) {
  using T = std::remove_const_t<S>;
  if constexpr (std::is_same_v<T, core::SourceLoc>) {
    f(s.file), f(s.line), f(s.col);
  } else if constexpr (std::is_same_v<T, Str>) {
    f(s.text), f(s.loc);
  } else if constexpr (std::is_same_v<T, Text>) {
    f(s.variants), f(s.loc);
  } else if constexpr (std::is_same_v<T, Date>) {
    f(s.year), f(s.month), f(s.day), f(s.present), f(s.loc);
  } else if constexpr (std::is_same_v<T, Entry>) {
    f(s.type), f(s.loc), f(s.institution), f(s.area), f(s.degree), f(s.company), f(s.position);
    f(s.title), f(s.authors), f(s.journal), f(s.tag), f(s.doi), f(s.url), f(s.arxiv), f(s.name);
    f(s.label), f(s.details), f(s.text), f(s.location), f(s.summary), f(s.date), f(s.date_value);
    f(s.start_date), f(s.end_date), f(s.highlights), f(s.page_break_before);
  } else if constexpr (std::is_same_v<T, Section>) {
    f(s.key), f(s.title), f(s.type), f(s.entries), f(s.loc), f(s.page_break_before), f(s.page_break_after);
  } else if constexpr (std::is_same_v<T, SocialNetwork>) {
    f(s.network), f(s.username), f(s.loc);
  } else if constexpr (std::is_same_v<T, Cv>) {
    f(s.name), f(s.headline), f(s.location), f(s.emails), f(s.phones), f(s.websites), f(s.photo);
    f(s.social_networks), f(s.sections), f(s.loc);
  } else if constexpr (std::is_same_v<T, Settings>) {
    f(s.languages), f(s.bold_keywords), f(s.current_date), f(s.page_size), f(s.theme), f(s.max_pages);
    f(s.max_pages_loc);
  } else {
    static_assert(std::is_same_v<T, Profile>);
    f(s.file), f(s.cv), f(s.settings), f(s.design), f(s.locale);
  }
}

struct Writer {
  std::string out;
  void operator()(const std::string& s) { core::put_sized(out, s); }
  void operator()(int v) { core::put_u32(out, static_cast<std::uint32_t>(v)); }
  void operator()(bool v) { out.push_back(v ? '\1' : '\0'); }
  void operator()(EntryType t) { core::put_u32(out, static_cast<std::uint32_t>(t)); }
  template <class A, class B>
  void operator()(const std::pair<A, B>& p) {
    (*this)(p.first), (*this)(p.second);
  }
  template <class V>
  void operator()(const std::vector<V>& list) {
    core::put_u32(out, static_cast<std::uint32_t>(list.size()));
    for (const V& v : list) (*this)(v);
  }
  template <class V>
  void operator()(const std::map<std::string, V>& map) {
    core::put_u32(out, static_cast<std::uint32_t>(map.size()));
    for (const auto& [key, value] : map) (*this)(key), (*this)(value);
  }
  template <class S>
  void operator()(const S& s) {
    fields(s, *this);
  }
};

struct Reader {
  core::ByteReader in;
  void operator()(std::string& s) { s = std::string(in.sized()); }
  void operator()(int& v) { v = static_cast<int>(in.u32()); }
  void operator()(bool& v) {
    const std::uint8_t b = in.u8();
    if (b > 1) in.bytes(in.left() + 1);  // not a flag: fail the reader
    v = b == 1;
  }
  void operator()(EntryType& t) {
    const std::uint32_t v = in.u32();
    if (v > static_cast<std::uint32_t>(EntryType::Text)) in.bytes(in.left() + 1);
    t = static_cast<EntryType>(v);
  }
  template <class A, class B>
  void operator()(std::pair<A, B>& p) {
    (*this)(p.first), (*this)(p.second);
  }
  template <class V>
  void operator()(std::vector<V>& list) {
    const std::uint32_t n = in.u32();
    if (n > in.left()) return (void)in.bytes(in.left() + 1);  // each item takes a byte at least
    list.resize(n);
    for (V& v : list)
      if (in.ok()) (*this)(v);
  }
  template <class V>
  void operator()(std::map<std::string, V>& map) {
    const std::uint32_t n = in.u32();
    for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
      std::string key;
      (*this)(key);
      (*this)(map[key]);
    }
  }
  template <class S>
  void operator()(S& s) {
    fields(s, *this);
  }
};

constexpr std::string_view kMagic = "cvpdf profile model 1\n";

}  // namespace

std::string profile_to_bytes(const Profile& p) {
  Writer w{std::string(kMagic)};
  w(p);
  return std::move(w.out);
}

std::optional<Profile> profile_from_bytes(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader r{core::ByteReader(bytes.substr(kMagic.size()))};
  Profile p;
  r(p);
  if (!r.in.done()) return std::nullopt;
  return p;
}

}  // namespace cvpdf::profile
