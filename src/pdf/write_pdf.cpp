// pdf/write_pdf.cpp — the module's entry point: frame::Document → PDF bytes (see write_pdf.h).
//
// Control flow: prepare_fonts (open, validate, subset once) → build_text_maps (ToUnicode) →
// index the structure tree → a PdfMemDocument: fonts, then per page its content stream (marked
// content), font resources and links → the structure tree → outline → Info, XMP and catalog →
// /ID → write to memory with object streams (compact_writer.h). PoDoFo's PdfError and std
// exceptions stop at this file's boundary and become one diagnostic.
//
// /ID: a 128-bit hash (two FNV-1a lanes) of everything that is drawn — every content stream,
// font program, ToUnicode map, link URI and outline entry — is both halves of the trailer /ID
// and the Info key /CVPDFContentDigest, so the /ID is deterministic and changes whenever the
// content does.
#include "pdf/write_pdf.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <functional>

#include "core/parallel.h"

#include "pdf/compact_writer.h"
#include "pdf/content.h"
#include "pdf/deflate.h"
#include "pdf/encode.h"
#include "pdf/fonts.h"
#include "pdf/images.h"
#include "pdf/objects.h"
#include "pdf/structure.h"
#include "pdf/text_layer.h"
#include "pdf/xmp.h"

namespace cvpdf::pdf {
namespace {

using PoDoFo::PdfMemDocument;
using PoDoFo::PdfName;
using PoDoFo::PdfReference;
using PoDoFo::PdfString;

/// Info's /Producer: the program that wrote the PDF (PoDoFo's default names PoDoFo).
constexpr const char* kProducer = "cvpdf";

/// Everything the content digest covers, appended in a fixed order, length-prefixed.
class DigestInput {
 public:
  void add(std::string_view part) {
    bytes_ += std::to_string(part.size());
    bytes_ += ':';
    bytes_ += part;
  }
  /// 128 bits as 32 hex digits: two FNV-1a lanes with different bases (a change detector for
  /// /ID, not a cryptographic hash; PoDoFo's MD5 helper is not exported by Debian's build).
  [[nodiscard]] std::string hex() const {
    Fnv64 a;
    Fnv64 b(0x6c62272e07bb0142ULL);
    a.add(bytes_);
    b.add(bytes_);
    std::string hex;
    for (std::uint64_t v : {a.value(), b.value()}) {
      append_hex(hex, static_cast<std::uint32_t>(v >> 32), 8);
      append_hex(hex, static_cast<std::uint32_t>(v), 8);
    }
    return hex;
  }

 private:
  std::string bytes_;
};

std::vector<PdfReference> add_fonts(PoDoFo::PdfVecObjects& objs, const FontTable& fonts,
                                    const std::vector<TextMap>& maps, DigestInput& digest) {
  const SharedTextMaps shared = share_text_maps(fonts, maps);
  std::vector<std::string> cmaps;
  std::vector<PdfReference> cmap_refs;
  for (const TextMap& map : shared.maps) {
    const auto first = static_cast<std::size_t>(
        std::find(shared.of_font.begin(), shared.of_font.end(), cmaps.size()) - shared.of_font.begin());
    cmaps.push_back(to_unicode_cmap(map, code_bytes(fonts.fonts[first])));
    PoDoFo::PdfObject* stream = objs.CreateObject();
    set_stream(*stream, cmaps.back());
    cmap_refs.push_back(stream->Reference());
  }
  std::vector<PdfReference> refs;
  for (std::size_t i = 0; i < fonts.fonts.size(); ++i) {
    refs.push_back(add_font(objs, fonts.fonts[i], cmap_refs[shared.of_font[i]]));
    digest.add(fonts.fonts[i].base_font);
    digest.add(fonts.fonts[i].program);
    digest.add(cmaps[shared.of_font[i]]);
  }
  return refs;
}

/// Collects the page's anchors as outline entries (PDF user space, y-up).
void collect_anchors(const frame::Page& page, const PoDoFo::PdfPage& pdf_page, std::vector<OutlineEntry>& out,
                     DigestInput& digest) {
  for (const frame::Item& item : page.items)
    if (const auto* a = std::get_if<frame::Anchor>(&item)) {
      out.push_back(OutlineEntry{a->title, a->level, pdf_page.GetObject()->Reference(), a->at.x, page.height - a->at.y});
      digest.add(a->title + '@' + fmt_num(a->at.x) + ',' + fmt_num(a->at.y));
    } else if (const auto* l = std::get_if<frame::Link>(&item)) {
      digest.add(l->uri);
    }
}

/// What the pages hold for the structure tree.
struct TaggedPages {
  std::vector<PdfReference> pages;
  std::vector<std::vector<int>> mcid_content;  // by page: MCID → content id
  std::vector<AnnotMark> annots;
};

/// Writes every page; reports layout bugs the text layer had to work around.
TaggedPages add_pages(PdfMemDocument& pdf, const frame::Document& doc, const FontTable& fonts,
                      const std::vector<TextMap>& maps, const std::vector<PdfReference>& font_refs,
                      const std::vector<EncodedImage>& encoded, const ContentTags& tags,
                      std::vector<OutlineEntry>& outline, DigestInput& digest, core::Diagnostics& diags,
                      unsigned threads) {
  TaggedPages tagged;
  const bool marked = !tags.owner_tag.empty();
  long next_key = static_cast<long>(doc.pages.size());  // after the pages' /StructParents
  bool warned = false;
  const ImageTable images = add_images(pdf.GetObjects(), encoded, diags);
  ImageNames names;
  for (const auto& [bytes, obj] : images) {
    names[bytes] = obj.resource;
    digest.add(obj.resource + ':' + *bytes);
  }
  // Every page's content stream, written and compressed, one task per page.
  std::vector<PageContent> contents(doc.pages.size());
  std::vector<Packed> packed(doc.pages.size());
  std::vector<std::function<void()>> tasks;
  for (std::size_t i = 0; i < doc.pages.size(); ++i)
    tasks.push_back([&, i] {
      contents[i] = page_content(doc.pages[i], fonts, maps, names, tags);
      packed[i] = pack(contents[i].ops);
    });
  core::run_tasks(tasks, threads);
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const frame::Page& page = doc.pages[i];
    const PageContent& pc = contents[i];
    PoDoFo::PdfPage* p = pdf.CreatePage(PoDoFo::PdfRect(0, 0, page.width, page.height));
    for (const auto& [bytes, obj] : images)
      if (pc.images.count(obj.resource)) p->AddResource(PdfName(obj.resource), obj.ref, PdfName("XObject"));
    set_packed(*p->GetContentsForAppending(), packed[i]);
    for (int f : pc.fonts)
      p->AddResource(PdfName(fonts.fonts[static_cast<std::size_t>(f)].resource),
                     font_refs[static_cast<std::size_t>(f)], PdfName("Font"));
    add_links(pdf.GetObjects(), *p, page, tagged.pages.size(), tags, next_key, tagged.annots);
    if (marked) {  // PDF 1.7 §14.7.4.4; /Tabs /S: annotations in structure order (PDF/UA)
      p->GetObject()->GetDictionary().AddKey("StructParents", PoDoFo::PdfObject(static_cast<PoDoFo::pdf_int64>(tagged.pages.size())));
      p->GetObject()->GetDictionary().AddKey("Tabs", PdfName("S"));
    }
    tagged.pages.push_back(p->GetObject()->Reference());
    tagged.mcid_content.push_back(pc.mcid_content);
    collect_anchors(page, *p, outline, digest);
    digest.add(pc.ops);
    if (pc.bad_ranges && !warned)
      diags.warning({}, "some glyphs' text ranges lie outside their run's text; their text was left out of the PDF");
    warned = warned || pc.bad_ranges;
  }
  return tagged;
}

void set_info(PdfMemDocument& pdf, const frame::Metadata& meta, const std::string& digest_hex) {
  PoDoFo::PdfInfo* info = pdf.GetInfo();
  if (!meta.title.empty()) info->SetTitle(text_string(meta.title));
  if (!meta.author.empty()) info->SetAuthor(text_string(meta.author));
  if (!meta.subject.empty()) info->SetSubject(text_string(meta.subject));
  info->SetCreator(text_string(meta.creator));
  info->SetProducer(PdfString(kProducer));
  // PdfInfo stamps local wall-clock dates at construction: overwrite them with the given
  // date, or remove them when the World has none (both keys are optional, ISO 32000-1 14.3.3).
  PoDoFo::PdfDictionary& dict = info->GetObject()->GetDictionary();
  if (meta.date) {
    dict.AddKey("CreationDate", PdfString(pdf_date(*meta.date)));
    dict.AddKey("ModDate", PdfString(pdf_date(*meta.date)));
  } else {
    dict.RemoveKey("CreationDate");
    dict.RemoveKey("ModDate");
  }
  dict.AddKey("CVPDFContentDigest", PdfString(digest_hex));
  // Set /Lang on the catalog directly: PdfDocument::SetLanguage leaks an object.
  PoDoFo::PdfDictionary& catalog = pdf.GetCatalog()->GetDictionary();
  if (!meta.lang.empty()) catalog.AddKey("Lang", PdfString(meta.lang));
  // Viewers show the title, not the file name (PDF/UA-1 §7.1).
  PoDoFo::PdfDictionary prefs;
  prefs.AddKey("DisplayDocTitle", PoDoFo::PdfObject(true));
  catalog.AddKey("ViewerPreferences", prefs);
  // The XMP packet, uncompressed so that any tool can find it (PDF 1.7 §14.3.2).
  const std::string xmp = xmp_packet(meta, kProducer);
  PoDoFo::PdfObject* stream = pdf.GetObjects().CreateObject("Metadata");
  stream->GetDictionary().AddKey("Subtype", PdfName("XML"));
  stream->GetStream()->Set(xmp.data(), static_cast<PoDoFo::pdf_long>(xmp.size()), PoDoFo::TVecFilters());
  catalog.AddKey("Metadata", stream->Reference());
}

std::string write_or_throw(const frame::Document& doc, core::Diagnostics& diags, unsigned threads, BlobStore* cache) {
  if (doc.pages.empty()) {
    diags.error({}, "the document has no pages; nothing to write");
    return {};
  }
  // The fonts are subset and the images encoded side by side (no PoDoFo object yet).
  std::vector<EncodedImage> images;
  const auto fonts = prepare_fonts(doc, diags, threads, [&] { images = encode_images(doc, cache); }, cache);
  if (!fonts) return {};
  const std::vector<TextMap> maps = build_text_maps(doc, *fonts);
  PdfMemDocument pdf;
  pdf.SetPdfVersion(PoDoFo::ePdfVersion_1_7);
  DigestInput digest;
  const auto font_refs = add_fonts(pdf.GetObjects(), *fonts, maps, digest);
  const TreeIndex tree = index_structure(doc.structure);
  for (const frame::StructNode& node : doc.structure.nodes)  // what the tree says beyond the content
    digest.add(std::string(frame::tag_name(node.tag)) + '|' + node.lang + '|' + node.alt);
  std::vector<OutlineEntry> outline;
  const TaggedPages tagged = add_pages(pdf, doc, *fonts, maps, font_refs, images,
                                       content_tags(doc.structure, tree), outline, digest, diags, threads);
  add_structure(pdf.GetObjects(), *pdf.GetCatalog(), doc.structure, tree, tagged.pages, tagged.mcid_content,
                tagged.annots);
  add_outline(pdf.GetObjects(), *pdf.GetCatalog(), outline);
  const std::string id = digest.hex();
  set_info(pdf, doc.meta, id);
  return write_compact(pdf, id);
}

std::string describe(const PoDoFo::PdfError& e) {
  std::string s = PoDoFo::PdfError::ErrorMessage(e.GetError()) ? PoDoFo::PdfError::ErrorMessage(e.GetError()) : "";
  if (s.empty()) s = PoDoFo::PdfError::ErrorName(e.GetError()) ? PoDoFo::PdfError::ErrorName(e.GetError()) : "error";
  for (const PoDoFo::PdfErrorInfo& info : e.GetCallstack())
    if (!info.GetInformation().empty()) s += " (" + info.GetInformation() + ")";
  return s;
}

}  // namespace

std::string write_pdf(const frame::Document& doc, core::Diagnostics& diags, unsigned threads, BlobStore* cache) {
  try {
    return write_or_throw(doc, diags, threads, cache);
  } catch (const PoDoFo::PdfError& e) {
    diags.error({}, "cannot write the PDF: PoDoFo: " + describe(e));
  } catch (const std::exception& e) {
    diags.error({}, std::string("cannot write the PDF: ") + e.what());
  }
  return {};
}

}  // namespace cvpdf::pdf
