// theme/packed_yaml.cpp — packing and unpacking yaml-cpp trees (see packed_yaml.h).
#include "theme/packed_yaml.h"

#include <charconv>
#include <stdexcept>

namespace cvpdf::theme {

namespace {

/// Deeper than any layout or locale file; bounds the recursion on malformed input.
constexpr int kMaxDepth = 64;

void pack(const YAML::Node& node, std::string& out) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      out += 'M' + std::to_string(node.size()) + ';';
      for (const auto& kv : node) {
        pack(kv.first, out);
        pack(kv.second, out);
      }
      break;
    case YAML::NodeType::Sequence:
      out += 'S' + std::to_string(node.size()) + ';';
      for (const auto& item : node) pack(item, out);
      break;
    case YAML::NodeType::Scalar:
      out += 's' + std::to_string(node.Scalar().size()) + ':' + node.Scalar();
      break;
    default:
      out += '~';
  }
}

class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : in_(in) {}

  YAML::Node node(int depth) {
    if (depth > kMaxDepth) fail("nested too deep");
    switch (take()) {
      case 'M': {
        YAML::Node map(YAML::NodeType::Map);
        for (std::size_t n = count(';'); n > 0; --n) {
          YAML::Node key = node(depth + 1);
          map.force_insert(key, node(depth + 1));
        }
        return map;
      }
      case 'S': {
        YAML::Node seq(YAML::NodeType::Sequence);
        for (std::size_t n = count(';'); n > 0; --n) seq.push_back(node(depth + 1));
        return seq;
      }
      case 's': {
        const std::size_t n = count(':');
        if (n > in_.size()) fail("a scalar runs past the end");
        YAML::Node scalar(std::string(in_.substr(0, n)));
        in_.remove_prefix(n);
        return scalar;
      }
      case '~':
        return YAML::Node(YAML::NodeType::Null);
      default:
        fail("unknown node kind");
    }
  }

  [[nodiscard]] bool done() const { return in_.empty(); }

 private:
  [[noreturn]] static void fail(const char* why) {
    throw std::invalid_argument(std::string("packed YAML: ") + why);
  }
  char take() {
    if (in_.empty()) fail("ends early");
    const char c = in_.front();
    in_.remove_prefix(1);
    return c;
  }
  std::size_t count(char end) {
    std::size_t n = 0;
    const auto [p, ec] = std::from_chars(in_.data(), in_.data() + in_.size(), n);
    if (ec != std::errc() || p == in_.data() + in_.size() || *p != end) fail("bad count");
    in_.remove_prefix(static_cast<std::size_t>(p - in_.data()) + 1);
    return n;
  }
  std::string_view in_;
};

}  // namespace

std::string pack_yaml(const YAML::Node& node) {
  std::string out;
  pack(node, out);
  return out;
}

YAML::Node unpack_yaml(std::string_view packed) {
  Unpacker u(packed);
  YAML::Node root = u.node(0);
  if (!u.done()) throw std::invalid_argument("packed YAML: bytes after the tree");
  return root;
}

}  // namespace cvpdf::theme
