#include "model/directory.hpp"

namespace edusync::model {

const char* to_string(Sex sex) {
  switch (sex) {
    case Sex::male: return "M";
    case Sex::female: return "F";
    case Sex::unknown: break;
  }
  return "";
}

const char* to_string(Origin origin) {
  switch (origin) {
    case Origin::siecle: return "siecle";
    case Origin::sts: return "sts";
    case Origin::edt: return "edt";
    case Origin::udt: return "udt";
  }
  return "";
}

const char* to_string(StructureKind kind) {
  return kind == StructureKind::division ? "division" : "group";
}

const char* to_string(Responsibility responsibility) {
  switch (responsibility) {
    case Responsibility::legal: return "legal";
    case Responsibility::in_charge: return "in_charge";
    case Responsibility::contact: return "contact";
  }
  return "";
}

}  // namespace edusync::model
