#pragma once
// The steps of diff(), each appending its items to the plan in the documented order.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "diff/diff.hpp"

namespace edusync::diff {

// "uai|kind|code" of a structure, so that divisions and groups of several schools never mix.
std::string structure_id(const std::string& uai, model::StructureKind kind,
                         const std::string& code);

// Old structure id -> new code, for the renames found (memberships of a renamed structure are
// compared under its new code).
using Renames = std::unordered_map<std::string, std::string>;

// Adds and renames structures (first items of the plan) and collects the removals for the end.
Renames diff_structures(const model::Directory& before, const model::Directory& after,
                        bool rollover, double similarity, plan::Plan& plan,
                        std::vector<plan::Item>& removals);

// Persons: add, return, update now; depart and remove into `later` (after the links).
void diff_persons(const model::Directory& before, const model::Directory& after, plan::Plan& plan,
                  std::vector<plan::Item>& later);

// Memberships, services and head teachers: removals then additions.
void diff_links(const model::Directory& before, const model::Directory& after,
                const Renames& renames, plan::Plan& plan);

}  // namespace edusync::diff
