#include "sources/xml/record_tree.hpp"

#include "common/text.hpp"

namespace edusync::xml {

std::string_view Node::name() const {
  return exists() ? name_of(index_) : std::string_view{};
}

std::string_view Node::text() const {
  if (!exists()) return {};
  return trim(tree_->elements_[static_cast<std::size_t>(index_)].text);
}

std::string_view Node::attr(std::string_view name) const {
  if (!exists()) return {};
  const auto& element = tree_->elements_[static_cast<std::size_t>(index_)];
  for (std::uint32_t i = 0; i < element.attribute_count; ++i) {
    const auto& attribute = tree_->attributes_[element.first_attribute + i];
    if (attribute.name == name) return trim(attribute.value);
  }
  return {};
}

int Node::line() const {
  return exists() ? tree_->elements_[static_cast<std::size_t>(index_)].line : 0;
}

Node Node::child(std::string_view name) const {
  if (!exists()) return {};
  for (auto i = first_child_index(); i >= 0; i = next_sibling_index(i)) {
    if (name_of(i) == name) return Node(tree_, i);
  }
  return {};
}

std::int32_t Node::first_child_index() const {
  return tree_->elements_[static_cast<std::size_t>(index_)].first_child;
}

std::int32_t Node::next_sibling_index(std::int32_t index) const {
  return tree_->elements_[static_cast<std::size_t>(index)].next_sibling;
}

std::string_view Node::name_of(std::int32_t index) const {
  return tree_->elements_[static_cast<std::size_t>(index)].name;
}

// Storage is reused from record to record, but a slot that once held a large text gives its
// memory back: otherwise each record could grow a different slot and memory would grow with
// the file, not with the largest record.
void RecordTree::clear() {
  constexpr std::size_t kKeptCapacity = 4096;
  for (std::size_t i = 0; i < used_elements_; ++i) {
    if (elements_[i].text.capacity() > kKeptCapacity) std::string().swap(elements_[i].text);
  }
  for (std::size_t i = 0; i < used_attributes_; ++i) {
    if (attributes_[i].value.capacity() > kKeptCapacity) std::string().swap(attributes_[i].value);
  }
  used_elements_ = 0;
  used_attributes_ = 0;
  total_text_bytes_ = 0;
  begin_record();
}

void RecordTree::begin_record() {
  record_first_element_ = used_elements_;
  record_first_attribute_ = used_attributes_;
  record_text_bytes_ = 0;
}

bool RecordTree::add_text_bytes(std::size_t bytes) {
  record_text_bytes_ += bytes;
  total_text_bytes_ += bytes;
  return record_text_bytes_ <= limits_.max_text_bytes;
}

std::int32_t RecordTree::open_element(std::int32_t parent, std::string_view name, int line) {
  if (record_full()) return -1;
  if (used_elements_ == elements_.size()) elements_.emplace_back();
  const auto index = static_cast<std::int32_t>(used_elements_++);
  Element& element = elements_[static_cast<std::size_t>(index)];
  element.name = name;
  element.text.clear();  // keeps its capacity for the next record
  element.first_child = element.last_child = element.next_sibling = -1;
  element.first_attribute = static_cast<std::uint32_t>(used_attributes_);
  element.attribute_count = 0;
  element.line = line;
  if (parent >= 0) {
    Element& up = elements_[static_cast<std::size_t>(parent)];
    if (up.last_child >= 0) {
      elements_[static_cast<std::size_t>(up.last_child)].next_sibling = index;
    } else {
      up.first_child = index;
    }
    up.last_child = index;
  }
  return index;
}

bool RecordTree::add_attribute(std::int32_t element, std::string_view name,
                               std::string_view value) {
  if (!add_text_bytes(value.size())) return false;
  if (record_full()) return false;  // attributes count too
  if (used_attributes_ == attributes_.size()) attributes_.emplace_back();
  Attribute& attribute = attributes_[used_attributes_++];
  attribute.name = name;
  attribute.value.assign(value);
  elements_[static_cast<std::size_t>(element)].attribute_count++;
  return true;
}

bool RecordTree::append_text(std::int32_t element, std::string_view text) {
  if (!add_text_bytes(text.size())) return false;
  elements_[static_cast<std::size_t>(element)].text.append(text);
  return true;
}

}  // namespace edusync::xml
