#pragma once
// One export record (an ELEVE, a PERSONNE, an STS DIVISION with its services...) as a small
// tree, built by the streaming parser and handed to a record parser. The storage is reused from
// one record to the next, so parsing a file costs memory for one record, not for the file.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edusync::xml {

class RecordTree;

// A read-only view of one element of a RecordTree. Valid until the tree is cleared.
// Every accessor trims white space and returns an empty view for an absent element or
// attribute: "<X/>", "<X></X>" and "<X>  </X>" all read as absent (docs/input.md §6).
class Node {
 public:
  Node() = default;
  Node(const RecordTree* tree, std::int32_t index) : tree_(tree), index_(index) {}

  bool exists() const { return tree_ != nullptr && index_ >= 0; }
  std::string_view name() const;
  std::string_view text() const;
  std::string_view attr(std::string_view name) const;
  int line() const;

  // First child element with that name, or a node for which exists() is false.
  Node child(std::string_view name) const;
  // Trimmed text of the first child with that name ("" when absent or empty).
  std::string_view child_text(std::string_view name) const { return child(name).text(); }

  // Calls visit(Node) for every child element (of that name, when one is given), in order.
  template <typename Visit>
  void for_each_child(std::string_view name, Visit&& visit) const;
  template <typename Visit>
  void for_each_child(Visit&& visit) const;

 private:
  std::int32_t first_child_index() const;
  std::int32_t next_sibling_index(std::int32_t index) const;
  std::string_view name_of(std::int32_t index) const;

  const RecordTree* tree_ = nullptr;
  std::int32_t index_ = -1;
};

// Storage for the elements of one record. Names are views into the XML parser's dictionary,
// which outlives every record of the document (libxml2 interns element names per parse).
class RecordTree {
 public:
  struct Limits {
    std::size_t max_elements = 50'000;  // elements + attributes; an STS DIVISION stays far below
    std::size_t max_text_bytes = 4u << 20;  // names, codes, dates: a record is a few KB
  };

  explicit RecordTree(Limits limits) : limits_(limits) {}

  void clear();
  // Opens a child of `parent` (-1 for the record root); returns its index, or -1 when the
  // record exceeds its limits.
  std::int32_t open_element(std::int32_t parent, std::string_view name, int line);
  // False when the record exceeds its text limit (attribute values count as text).
  bool add_attribute(std::int32_t element, std::string_view name, std::string_view value);
  // Appends character data; false when the record exceeds its text limit.
  bool append_text(std::int32_t element, std::string_view text);

  Node root() const { return Node(this, elements_.empty() ? -1 : 0); }

 private:
  friend class Node;
  struct Element {
    std::string_view name;
    std::string text;
    std::int32_t first_child = -1, last_child = -1, next_sibling = -1;
    std::uint32_t first_attribute = 0, attribute_count = 0;
    int line = 0;
  };
  struct Attribute {
    std::string_view name;
    std::string value;
  };

  Limits limits_;
  std::vector<Element> elements_;  // reused: only `used_elements_` are live
  std::size_t used_elements_ = 0;
  std::vector<Attribute> attributes_;
  std::size_t used_attributes_ = 0;
  std::size_t text_bytes_ = 0;
};

template <typename Visit>
void Node::for_each_child(std::string_view name, Visit&& visit) const {
  if (!exists()) return;
  for (auto i = first_child_index(); i >= 0; i = next_sibling_index(i)) {
    if (name_of(i) == name) visit(Node(tree_, i));
  }
}

template <typename Visit>
void Node::for_each_child(Visit&& visit) const {
  if (!exists()) return;
  for (auto i = first_child_index(); i >= 0; i = next_sibling_index(i)) visit(Node(tree_, i));
}

}  // namespace edusync::xml
