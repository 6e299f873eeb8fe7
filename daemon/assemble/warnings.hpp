#pragma once
// The data-quality warnings of the model builder (their words: text/catalogue_warnings.cpp).
// Each message says what is wrong, for which record, and where to fix it at the source.
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "model/warning.hpp"

namespace edusync::assemble {

class Warnings {
 public:
  static constexpr std::size_t kNamedRecords = 10;

  explicit Warnings(std::vector<model::Warning>& out) : out_(out) {}

  void missing_ine(const model::Pupil& pupil, const std::string& where);
  void duplicate_ine(const std::string& ine, const model::Pupil& first, const model::Pupil& second,
                     const std::string& where);
  void missing_sex(const model::Pupil& pupil, const std::string& where);
  void missing_birthdate(const model::Pupil& pupil, const std::string& raw,
                         const std::string& where);
  void multiple_divisions(const model::Pupil& pupil, const std::vector<std::string>& codes,
                          const std::string& where);
  // One warning for a cluster of two or more records of one person (`records` in the order they
  // were read); `shared` lists the contact values they share ("le même mél (…)").
  // Every record's key is in the warning; the message names the first kNamedRecords.
  void duplicate_guardian(const std::vector<const model::Contact*>& records,
                          std::vector<text::Message> shared, const std::string& where);
  void teacher_without_service(const model::Staff& staff, const std::string& where);
  // `uai`: the school of the export, part of the keys (ELEVE_ID and PERSONNE_ID are local).
  void unknown_pupil_reference(const std::string& uai, const std::string& eleve_id,
                               const std::string& personne_id, const std::string& where);
  void unknown_person_reference(const std::string& uai, const std::string& eleve_id,
                                const std::string& personne_id, const std::string& where);
  void unknown_staff_reference(const std::string& staff_id, const std::string& structure,
                               const std::string& subject, const std::string& where);
  enum class RecordKind { pupil, person, staff };
  void duplicate_record(RecordKind kind, const std::string& id, const std::string& where);
  void invalid_record(text::Message text, const std::string& where);
  void missing_pupils_export(const std::string& uai, const std::string& where);
  // A well-formed export without a single record: an interrupted or filtered export.
  void empty_export(const std::string& kind, const std::string& uai, const std::string& where);
  // DUPLICATE_INE for an INE that is not the key of both pupils (an INE_RNIE or INE_BEA copied).
  void shared_ine(const std::string& ine, const model::Pupil& first, const model::Pupil& second,
                  const std::string& where);
  void duplicate_elenoet(const model::Pupil& first, const model::Pupil& second,
                         const std::string& where);

  // Timetable exports (timetable_warnings.cpp). `person` is how the timetable names someone
  // ("DURAND Léa, née le 2011-05-04"), `program` the timetable program (EDT, UDT).
  void timetable_unmatched_pupil(const std::string& uai, const std::string& person,
                                 const std::string& program, const std::string& where);
  void timetable_ambiguous_pupil(const std::string& person,
                                 const std::vector<const model::Pupil*>& candidates,
                                 const std::string& program, const std::string& where);
  void timetable_unmatched_teacher(const std::string& uai, const std::string& person,
                                   const std::string& program, const std::string& where);
  void timetable_ambiguous_teacher(const std::string& person,
                                   const std::vector<const model::Staff*>& candidates,
                                   const std::string& program, const std::string& where);
  // `kept`: the group is synchronised anyway (a timetable table); otherwise (a course-only
  // file) what names it is left out.
  void timetable_unknown_group(const std::string& uai, const std::string& code, bool kept,
                               const std::string& program, const std::string& where);
  struct MembershipMismatch {
    std::string uai;
    std::string code;
    std::size_t siecle_count = 0;
    std::size_t timetable_count = 0;
    std::vector<const model::Pupil*> only_siecle;
    std::vector<const model::Pupil*> only_timetable;
    const char* kept = "";  // catalogue id of the members kept
  };
  void group_membership_mismatch(const MembershipMismatch& mismatch, const std::string& program,
                                 const std::string& where);
  void timetable_stale(const std::string& file, const std::string& date,
                       const std::string& siecle_date, int days, const std::string& where);

 private:
  void add(const char* code, text::Message text, std::vector<std::string> keys,
           const std::string& where);
  std::vector<model::Warning>& out_;
};

// "NOM Prénom (key)" as shown in messages.
std::string describe(const model::Pupil& pupil);
std::string describe(const model::Contact& contact);
std::string describe(const model::Staff& staff);

}  // namespace edusync::assemble
