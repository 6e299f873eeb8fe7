#include "config/walk.hpp"

#include <algorithm>
#include <set>

#include "config/convert.hpp"

namespace edusync::config {

void Problems::add(const YAML::Mark& mark, std::string message) {
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
      problems_.add(root.Mark(), "expected " + where_phrase("") + " to be a map with keys " +
                                     join(children("")) + ", got " + kind_of(root));
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

  std::string where_phrase(const std::string& path) const {
    const auto name = display(path);
    return name.empty() ? "the file" : name;
  }

  static std::string kind_of(const YAML::Node& node) {
    if (node.IsSequence()) return "a list";
    if (node.IsScalar()) return in_quotes(node.Scalar());
    return "a map";
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
        problems_.add(key.Mark(), "a key of " + where_phrase(path) + " is not a plain name");
        continue;
      }
      const auto full = child_path(path, key.Scalar());
      const auto [first, inserted] = lines.emplace(key.Scalar(), key.Mark().line + 1);
      if (!inserted) {
        problems_.add(key.Mark(), "key " + display(full) + " is given twice (first on line " +
                                      std::to_string(first->second) + ")");
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
      problems_.add(value.Mark(), display(path) + ": expected a map with keys " +
                                      join(children(path)) + ", got " + kind_of(value));
      broken_.insert(path);
    } else {
      map_marks_[path] = value.Mark();
      walk_map(value, path);
    }
  }

  void leaf(const YAML::Node& value, const YAML::Mark& key_mark, const KeySpec& spec) {
    if (value.IsNull()) {
      problems_.add(key_mark, display(spec.path) + ": no value given" +
                                  (spec.required() ? std::string()
                                                   : " (leave the key out for the default, " +
                                                         spec.default_yaml + ")"));
      return;
    }
    if (spec.type.kind == Kind::kConnectorList) {
      if (value.IsSequence())
        out_.lists[spec.path] = value;
      else
        problems_.add(value.Mark(),
                      display(spec.path) + ": expected a list, got " + kind_of(value));
      return;
    }
    std::vector<NodeError> errors;
    if (auto converted = convert(value, spec.type, errors)) {
      out_.values[spec.path] = std::move(*converted);
      out_.marks[spec.path] = value.Mark();
    }
    for (auto& error : errors) problems_.add(error.mark, display(spec.path) + ": " + error.message);
  }

  void unknown(const YAML::Node& key, const std::string& path) {
    const auto allowed = children(path);
    std::string message = "unknown key " + in_quotes(key.Scalar());
    if (!display(path).empty()) message += " in " + display(path);
    if (const auto near = nearest(key.Scalar(), allowed)) {
      message += " (did you mean " + in_quotes(*near) + "?)";
    } else if (const auto elsewhere = same_name_elsewhere(key.Scalar())) {
      message += " (did you mean " + display(*elsewhere) + "?)";
    }
    problems_.add(key.Mark(), message + "; allowed keys: " + join(allowed));
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
        problems_.add(holder_mark(spec.path),
                      "missing required key " + display(spec.path) + ": " + describe_key(spec));
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
