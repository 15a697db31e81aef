// theme/design.h — RenderCV's `design:` block applied over a Theme.
//
// Takes a Theme (from a layout file) and the profile's `design:` keys as dotted paths with
// their located values ("page.size" → "a4"); gives the Theme with the keys cvpdf honours
// applied. Every key it does not honour is one warning naming it (never silence); a value it
// cannot read is a warning too, and the layout's value stays. The list of honoured keys is
// design_keys_honoured() (README "RenderCV files").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "theme/theme.h"

namespace cvpdf::theme {

/// One `design:` value: "colors.name", "#004f90", where it is in the profile.
struct DesignValue {
  std::string key;
  std::string value;
  core::SourceLoc loc;
};

void apply_design(Theme& theme, const std::vector<DesignValue>& design, core::Diagnostics& diags);

/// The RenderCV design keys cvpdf maps onto its theme.
const std::vector<std::string_view>& design_keys_honoured();

}  // namespace cvpdf::theme
