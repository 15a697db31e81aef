// profile/schema.h — the profile format as a JSON Schema, for editors (yaml-language-server).
//
// Takes nothing; gives a JSON Schema (draft-07, the draft yaml-language-server implements
// fully) built from the same tables the loader checks against (profile/format.h). Where the
// loader only warns (unknown keys in entries and settings), the schema rejects, so an editor
// underlines what `cvpdf check` warns about; `design:` and `locale:` accept any key (cvpdf warns
// about those it does not honour).
#pragma once

#include <string>

namespace cvpdf::profile {

std::string json_schema();

}  // namespace cvpdf::profile
