#include "config/walk.hpp"

#include <algorithm>
#include <set>

#include "config/convert.hpp"

namespace edusync::config {

using text::arg;
using text::message;

void Problems::add(const YAML::Mark& mark, text::Message message) {
  problems_.push_back({location(mark), std::move(message)});
}

SourceLocation Problems::location(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

std::vector<ConfigProblem> Problems::take() {
  std::stable_sort(problems_.begin(), problems_.end(), [](const auto& a, const auto& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return std::move(problems_);
}

namespace {

std::string child_path(const std::string& parent, const std::string& name) {
  return parent.empty() ? name : parent + "." + name;
}

std::string parent_path(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? std::string() : path.substr(0, dot);
}

class Walker {
 public:
  Walker(const std::vector<KeySpec>& table, const WalkOptions& options, Problems& problems)
      : table_(table), options_(options), problems_(problems) {}

  Walked run(const YAML::Node& root) {
    map_marks_[""] = root.Mark().is_null() ? YAML::Mark() : root.Mark();
    if (root.IsMap()) {
      walk_map(root, "");
    } else if (!root.IsNull()) {
      const auto keys = arg("keys", join(children("")));
      problems_.add(
          root.Mark(),
          display("").empty()
              ? message("config.root_not_map", {keys, text::nested("got", describe_node(root))})
              : message("config.item_not_map", {arg("path", display("")), keys,
                                                text::nested("got", describe_node(root))}));
      broken_.insert("");
    }
    complete();
    return std::move(out_);
  }

 private:
  // "connectors[2].path", "safety.grace_days".
  std::string display(const std::string& path) const {
    if (options_.prefix.empty()) return path;
    return path.empty() ? options_.prefix : options_.prefix + "." + path;
  }

  const KeySpec* find(const std::string& path) const {
    const auto found = std::find_if(table_.begin(), table_.end(),
                                    [&](const KeySpec& key) { return key.path == path; });
    return found == table_.end() ? nullptr : &*found;
  }

  // The names allowed directly below `path`, in table order.
  std::vector<std::string> children(const std::string& path) const {
    const auto start = path.empty() ? std::string() : path + ".";
    std::vector<std::string> names;
    for (const auto& key : table_) {
      if (!key.path.starts_with(start)) continue;
      auto name = key.path.substr(start.size());
      name = name.substr(0, name.find('.'));
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
  }

  void walk_map(const YAML::Node& map, const std::string& path) {
    std::map<std::string, int> lines;  // key -> 1-based line, to report repeated keys
    for (const auto& entry : map) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) {
        problems_.add(key.Mark(), display(path).empty() ? message("config.root_key_not_name")
                                                        : message("config.key_not_name",
                                                                  {arg("path", display(path))}));
        continue;
      }
      const auto full = child_path(path, key.Scalar());
      const auto [first, inserted] = lines.emplace(key.Scalar(), key.Mark().line + 1);
      if (!inserted) {
        problems_.add(key.Mark(),
                      message("config.key_twice", {arg("path", display(full)),
                                                   arg("line", std::to_string(first->second))}));
      } else if (const KeySpec* spec = find(full)) {
        seen_.insert(full);
        leaf(entry.second, key.Mark(), *spec);
      } else if (!children(full).empty()) {
        seen_.insert(full);
        section(entry.second, key.Mark(), full);
      } else if (options_.report_unknown) {
        unknown(key, path);
      }
    }
  }

  void section(const YAML::Node& value, const YAML::Mark& key_mark, const std::string& path) {
    if (value.IsNull()) {  // "safety:" alone: every key of the section takes its default
      map_marks_[path] = key_mark;
    } else if (!value.IsMap()) {
      problems_.add(value.Mark(),
                    message("config.section_not_map",
                            {arg("path", display(path)), arg("keys", join(children(path))),
                             text::nested("got", describe_node(value))}));
      broken_.insert(path);
    } else {
      map_marks_[path] = value.Mark();
      walk_map(value, path);
    }
  }

  void leaf(const YAML::Node& value, const YAML::Mark& key_mark, const KeySpec& spec) {
    if (value.IsNull()) {
      problems_.add(key_mark,
                    spec.required()
                        ? message("config.no_value", {arg("path", display(spec.path))})
                        : message("config.no_value_default", {arg("path", display(spec.path)),
                                                              arg("default", spec.default_yaml)}));
      return;
    }
    if (spec.type.kind == Kind::kConnectorList) {
      if (value.IsSequence())
        out_.lists[spec.path] = value;
      else
        problems_.add(value.Mark(),
                      message("config.list_expected", {arg("path", display(spec.path)),
                                                       text::nested("got", describe_node(value))}));
      return;
    }
    std::vector<NodeError> errors;
    if (auto converted = convert(value, spec.type, errors)) {
      out_.values[spec.path] = std::move(*converted);
      out_.marks[spec.path] = value.Mark();
    }
    for (auto& error : errors) {
      problems_.add(error.mark, message("config.key_problem",
                                        {arg("path", display(spec.path)),
                                         text::nested("problem", std::move(error.message))}));
    }
  }

  void unknown(const YAML::Node& key, const std::string& path) {
    const auto allowed = children(path);
    auto section = text::verbatim("");
    if (!display(path).empty())
      section = message("config.in_section", {arg("section", display(path))});
    auto hint = suggestion(key.Scalar(), allowed);
    if (hint.empty()) {
      if (const auto elsewhere = same_name_elsewhere(key.Scalar()))
        hint = message("config.did_you_mean_key", {arg("path", display(*elsewhere))});
    }
    problems_.add(key.Mark(), message("config.unknown_key",
                                      {arg("key", key.Scalar()), text::nested("section", section),
                                       text::nested("hint", hint), arg("allowed", join(allowed))}));
  }

  // "grace_days" written at the top level instead of below safety.
  std::optional<std::string> same_name_elsewhere(const std::string& name) const {
    for (const auto& key : table_) {
      if (key.path.ends_with("." + name)) return key.path;
    }
    return std::nullopt;
  }

  bool under_broken(const std::string& path) const {
    for (auto parent = parent_path(path);; parent = parent_path(parent)) {
      if (broken_.contains(parent)) return true;
      if (parent.empty()) return false;
    }
  }

  // The nearest map given in the file that holds, or would hold, `path`.
  YAML::Mark holder_mark(const std::string& path) const {
    for (auto parent = parent_path(path);; parent = parent_path(parent)) {
      if (const auto found = map_marks_.find(parent); found != map_marks_.end())
        return found->second;
    }
  }

  // Missing keys: an error when required, else the default (which passes its own type, see
  // check_table). Keys given with a wrong value were reported already.
  void complete() {
    for (const auto& spec : table_) {
      if (seen_.contains(spec.path) || under_broken(spec.path)) continue;
      if (spec.required()) {
        problems_.add(
            holder_mark(spec.path),
            message("config.missing_key", {arg("path", display(spec.path)), arg("help", spec.help),
                                           text::nested("type", type_message(spec.type))}));
        continue;
      }
      const auto node = YAML::Load(spec.default_yaml);
      if (spec.type.kind == Kind::kConnectorList) {
        out_.lists[spec.path] = node;
        continue;
      }
      std::vector<NodeError> ignored;
      if (auto value = convert(node, spec.type, ignored))
        out_.values[spec.path] = std::move(*value);
    }
  }

  const std::vector<KeySpec>& table_;
  const WalkOptions& options_;
  Problems& problems_;
  Walked out_;
  std::set<std::string> seen_;    // keys and sections present in the file, valid or not
  std::set<std::string> broken_;  // sections present but not maps (their keys are not checked)
  std::map<std::string, YAML::Mark> map_marks_;  // sections present, by path ("" the root)
};

}  // namespace

Walked walk(const YAML::Node& map, const std::vector<KeySpec>& table, const WalkOptions& options,
            Problems& problems) {
  return Walker(table, options, problems).run(map);
}

}  // namespace edusync::config
