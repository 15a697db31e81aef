#include "doc/document.h"

namespace cvpdf::doc {

std::string plain_text(const Paragraph& p) {
  std::string out;
  for (const auto& s : p.spans) out += s.text;
  return out;
}

}  // namespace cvpdf::doc
