// profile/schema.cpp — json_schema(): the JSON text, built from profile/format.h.
#include "profile/schema.h"

#include <string_view>
#include <vector>

#include "core/limits.h"
#include "profile/format.h"

namespace cvpdf::profile {

namespace {

using format::Names;

std::string q(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// {"k": v, ...} from (key, JSON) pairs.
std::string obj(const std::vector<std::pair<std::string, std::string>>& kv) {
  std::string out = "{";
  for (std::size_t i = 0; i < kv.size(); ++i)
    out += (i ? ", " : "") + q(kv[i].first) + ": " + kv[i].second;
  return out + "}";
}

std::string arr(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

std::string names(const Names& n) {
  std::vector<std::string> items;
  for (std::string_view s : n) items.push_back(q(s));
  return arr(items);
}

std::string ref(const char* def) { return obj({{"$ref", q(std::string("#/definitions/") + def)}}); }

constexpr const char* kLangTag = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
constexpr const char* kDate = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

std::string value_schema(format::Value v) {
  switch (v) {
    case format::Value::Text: return ref("text");
    case format::Value::TextList: return obj({{"type", q("array")}, {"items", ref("text")}});
    case format::Value::Str: return obj({{"type", arr({q("string"), q("number")})}});
    case format::Value::Date: return ref("date");
    case format::Value::StartDate: return ref("calendar_date");
    case format::Value::EndDate:
      return obj({{"anyOf", arr({ref("calendar_date"), obj({{"const", q("present")}})})}});
  }
  return "{}";
}

/// One entry type: its keys, the required ones, nothing else.
std::string entry_schema(const format::EntryTypeInfo& t) {
  std::vector<std::pair<std::string, std::string>> props;
  for (std::string_view k : t.allowed) props.emplace_back(k, value_schema(format::value_of(k)));
  return obj({{"title", q(std::string(t.name) + " entry")},
              {"type", q("object")},
              {"properties", obj(props)},
              {"required", names(t.required)},
              {"additionalProperties", "false"}});
}

std::string definitions() {
  std::vector<std::string> entries;
  for (const auto& t : format::entry_types()) entries.push_back(entry_schema(t));
  entries.push_back(obj({{"title", q("text entry")}, {"$ref", q("#/definitions/text")}}));
  // cvpdf: `- page_break: true` between entries starts a new page there.
  entries.push_back(obj({{"title", q("page break")},
                         {"type", q("object")},
                         {"properties", obj({{"page_break", obj({{"type", q("boolean")}})}})},
                         {"required", arr({q("page_break")})},
                         {"additionalProperties", "false"}}));
  const std::string scalar = obj({{"type", arr({q("string"), q("number"), q("boolean")})}});
  return obj({
      {"text",
       obj({{"description", q("A text, or a map of language tags to text: {en: …, zh: …}")},
            {"anyOf", arr({scalar, obj({{"type", q("object")},
                                        {"minProperties", "1"},
                                        {"propertyNames", obj({{"pattern", q(kLangTag)}})},
                                        {"additionalProperties", scalar}})})}})},
      {"calendar_date",
       obj({{"anyOf", arr({obj({{"type", q("integer")}, {"minimum", "1000"}, {"maximum", "9999"}}),
                           obj({{"type", q("string")}, {"pattern", q(kDate)}})})}})},
      {"date",
       obj({{"description", q("YYYY, YYYY-MM, YYYY-MM-DD, or free text (\"Fall 2023\"), in "
                              "one language or several")},
            {"anyOf", arr({ref("calendar_date"),
                           obj({{"type", q("string")}, {"not", obj({{"pattern", q("^[0-9]{4}-")}})}}),
                           obj({{"type", q("object")},
                                {"minProperties", "1"},
                                {"propertyNames", obj({{"pattern", q(kLangTag)}})},
                                {"additionalProperties", scalar}})})}})},
      {"entry", obj({{"anyOf", arr(entries)}})},
      {"section",
       obj({{"anyOf",
             arr({obj({{"type", q("array")}, {"items", ref("entry")}}),
                  obj({{"type", q("object")},
                       {"properties", obj({{"title", ref("text")},
                                           {"entries", obj({{"type", q("array")},
                                                            {"items", ref("entry")}})}})},
                       {"additionalProperties", "false"}})})}})},
      {"strings", obj({{"anyOf", arr({obj({{"type", q("string")}}),
                                      obj({{"type", q("array")},
                                           {"items", obj({{"type", q("string")}})}})})}})},
  });
}

std::string cv_schema() {
  const std::string network = obj({{"type", q("object")},
                                    {"properties", obj({{"network", obj({{"enum", names(format::social_networks())}})},
                                                        {"username", obj({{"type", q("string")}})}})},
                                    {"required", names(format::social_network_keys())},
                                    {"additionalProperties", "false"}});
  std::vector<std::pair<std::string, std::string>> props;
  for (std::string_view k : format::cv_keys()) {
    std::string s = ref("text");
    if (k == "email" || k == "phone" || k == "website") s = ref("strings");
    if (k == "photo") s = obj({{"type", q("string")}});
    if (k == "social_networks") s = obj({{"type", q("array")}, {"items", network}});
    if (k == "custom_connections") s = obj({{"type", q("array")}});
    if (k == "sections")
      s = obj({{"type", q("object")}, {"additionalProperties", ref("section")}});
    props.emplace_back(k, s);
  }
  return obj({{"type", q("object")},
              {"properties", obj(props)},
              {"required", arr({q("name")})},
              {"additionalProperties", "false"}});
}

std::string settings_schema() {
  std::vector<std::pair<std::string, std::string>> props;
  for (std::string_view k : format::settings_keys()) {
    std::string s = "{}";
    if (k == "languages")
      s = obj({{"anyOf", arr({obj({{"type", q("string")}, {"pattern", q(kLangTag)}}),
                              obj({{"type", q("array")},
                                   {"items", obj({{"type", q("string")}, {"pattern", q(kLangTag)}})}})})}});
    if (k == "bold_keywords") s = ref("strings");
    if (k == "page_size") s = obj({{"enum", names(format::page_sizes())}});
    if (k == "theme" || k == "pdf_title") s = obj({{"type", q("string")}});
    if (k == "max_pages")
      s = obj({{"type", q("integer")},
               {"minimum", "1"},
               {"maximum", std::to_string(core::limits::kMaxPages)}});
    if (k == "current_date")
      s = obj({{"anyOf", arr({ref("calendar_date"), obj({{"const", q("today")}})})}});
    props.emplace_back(k, s);
  }
  return obj({{"type", q("object")}, {"properties", obj(props)}, {"additionalProperties", "false"}});
}

}  // namespace

std::string json_schema() {
  return obj({{"$schema", q("http://json-schema.org/draft-07/schema#")},
              {"$id", q("https://github.com/cvpdf/cvpdf/profile.schema.json")},
              {"title", q("cvpdf profile (RenderCV v2 with cvpdf's extensions)")},
              {"type", q("object")},
              {"properties", obj({{"cv", cv_schema()},
                                  {"design", obj({{"type", q("object")}})},
                                  {"locale", obj({{"type", q("object")}})},
                                  {"settings", settings_schema()}})},
              {"required", arr({q("cv")})},
              {"additionalProperties", "false"},
              {"definitions", definitions()}}) +
         "\n";
}

}  // namespace cvpdf::profile
