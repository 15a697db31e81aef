// verify/expect.h — the strings a reader of the PDF must find, from the composed document.
//
// Takes the doc::Document that compose/ made from the profile (the same one the PDF was typeset
// from); gives each user string once, in reading order, with its SourceLoc: the spans of one
// paragraph that come from one profile field (same SourceLoc) joined into one string (a bullet
// with bold words is one string; "A, B, C" is one string per author). Icons and the separators
// cvpdf adds (", ", " · ") are left out; text without letters or digits too. Each string belongs
// to a flow read in order: the main column, its date column, the sidebar, the sidebar's dates
// (layout/ puts a date column after its entry's first lines, and a sidebar after the main column
// of each page, so order is only defined within a flow).
#pragma once

#include <string>
#include <vector>

#include "core/source_loc.h"
#include "doc/document.h"

namespace cvpdf::verify {

enum class Flow { Main = 0, MainDates = 1, Sidebar = 2, SidebarDates = 3 };

struct Expected {
  std::string text;     ///< UTF-8 as composed (markup removed, dates formatted)
  core::SourceLoc loc;  ///< where it is in the profile (line 0: made by cvpdf, e.g. a title)
  Flow flow = Flow::Main;
};

std::vector<Expected> expected_strings(const doc::Document& doc);

}  // namespace cvpdf::verify
