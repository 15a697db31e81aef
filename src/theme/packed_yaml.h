// theme/packed_yaml.h — a YAML document as a compact string, rebuilt without scanning (issue 9).
//
// Takes a yaml-cpp node tree (maps, sequences, scalars, nulls); gives a string from which the
// same tree is rebuilt without reading YAML. Why: yaml-cpp's scanner costs about 1 400
// instructions a byte, 4.9 M for layouts/classic.yaml, which nearly every render reads, and
// 1.3 M for each locale file; rebuilding the tree from this form costs a sixth of that.
// cmake/pack_yaml.cpp packs the built-in layouts and locale files at build time
// (cmake/EmbedFiles.cmake); the renderer unpacks them.
// Guarantees: unpack_yaml(pack_yaml(n)) has the same node types, scalars, keys and items in
// the same order as n; it has no marks (positions): a diagnostic about an unpacked node names
// its file only. Malformed input throws std::invalid_argument, never reads past the string.
// Format: a node is 'M' <count> ';' then <count> key and value nodes; 'S' <count> ';' then
// <count> items; 's' <byte length> ':' <bytes>; '~' a null.
#pragma once

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace cvpdf::theme {

/// The packed form of `node` (aliases are written out in full; tags are not kept).
std::string pack_yaml(const YAML::Node& node);

/// The tree `packed` was made from; std::invalid_argument if it is not a whole packed tree.
YAML::Node unpack_yaml(std::string_view packed);

}  // namespace cvpdf::theme
