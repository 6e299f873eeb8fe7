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

// Storage for the elements of records: one record at a time when the handler reads each record
// as soon as it is complete, or a batch of records handed over together to the handler's thread
// (record_pipeline.hpp). The limits hold for each record, counted from begin_record(). Names are
// views into the XML parser's dictionary, which outlives every record of the document (libxml2
// interns element names per parse and never moves a string it interned).
class RecordTree {
 public:
  struct Limits {
    std::size_t max_elements = 50'000;  // elements + attributes; an STS DIVISION stays far below
    std::size_t max_text_bytes = 4u << 20;  // names, codes, dates: a record is a few KB
  };

  explicit RecordTree(Limits limits) : limits_(limits) {}

  // Forgets every record; the storage is kept for the next ones.
  void clear();
  // Starts a record after the ones already held; its root is the next element opened.
  void begin_record();
  // Opens a child of `parent` (-1 for the record root); returns its index, or -1 when the
  // record exceeds its limits.
  std::int32_t open_element(std::int32_t parent, std::string_view name, int line);
  // False when the record exceeds its text limit (attribute values count as text).
  bool add_attribute(std::int32_t element, std::string_view name, std::string_view value);
  // Appends character data; false when the record exceeds its text limit.
  bool append_text(std::int32_t element, std::string_view text);

  // The root of the record begun last (invalid before its first element).
  Node root() const {
    return Node(this, used_elements_ > record_first_element_
                          ? static_cast<std::int32_t>(record_first_element_)
                          : -1);
  }
  std::int32_t root_index() const { return static_cast<std::int32_t>(record_first_element_); }
  Node node(std::int32_t index) const { return Node(this, index); }
  // Elements and text bytes held, all records together: what a batch is measured by.
  std::size_t element_count() const { return used_elements_; }
  std::size_t text_bytes() const { return total_text_bytes_; }

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
  std::size_t record_first_element_ = 0;
  std::size_t record_first_attribute_ = 0;
  std::size_t record_text_bytes_ = 0;  // of the record begun last
  std::size_t total_text_bytes_ = 0;

  bool record_full() const {
    return (used_elements_ - record_first_element_) +
               (used_attributes_ - record_first_attribute_) >=
           limits_.max_elements;
  }
  bool add_text_bytes(std::size_t bytes);
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
