#include "geo.hpp"

namespace gen::geo {
namespace {

constexpr Commune kRhone[] = {
    {"69123", "69003", "LYON"},
    {"69266", "69100", "VILLEURBANNE"},
    {"69259", "69200", "VENISSIEUX"},
    {"69029", "69500", "BRON"},
    {"69034", "69300", "CALUIRE ET CUIRE"},
    {"69256", "69120", "VAULX EN VELIN"},
    {"69290", "69800", "SAINT PRIEST"},
    {"69149", "69600", "OULLINS PIERRE BENITE"},
};
constexpr Commune kParis[] = {
    {"75056", "75011", "PARIS"},
    {"75056", "75018", "PARIS"},
    {"75056", "75020", "PARIS"},
};
constexpr Commune kBouchesDuRhone[] = {
    {"13055", "13001", "MARSEILLE"},
    {"13001", "13100", "AIX EN PROVENCE"},
    {"13005", "13400", "AUBAGNE"},
};
constexpr Commune kHauteGaronne[] = {
    {"31555", "31000", "TOULOUSE"},
    {"31149", "31770", "COLOMIERS"},
    {"31069", "31700", "BLAGNAC"},
};
constexpr Commune kGironde[] = {
    {"33063", "33000", "BORDEAUX"},
    {"33281", "33700", "MERIGNAC"},
    {"33318", "33600", "PESSAC"},
};
constexpr Commune kNord[] = {
    {"59350", "59000", "LILLE"},
    {"59512", "59100", "ROUBAIX"},
    {"59599", "59200", "TOURCOING"},
};
constexpr Commune kBasRhin[] = {
    {"67482", "67000", "STRASBOURG"},
    {"67447", "67300", "SCHILTIGHEIM"},
};
constexpr Commune kIlleEtVilaine[] = {
    {"35238", "35000", "RENNES"},
    {"35288", "35400", "SAINT MALO"},
};
constexpr Commune kLoireAtlantique[] = {
    {"44109", "44000", "NANTES"},
    {"44184", "44600", "SAINT NAZAIRE"},
};
constexpr Commune kAlpesMaritimes[] = {
    {"06088", "06000", "NICE"},
    {"06004", "06600", "ANTIBES"},
    {"06029", "06400", "CANNES"},
};
constexpr Commune kCorseDuSud[] = {
    {"2A004", "20000", "AJACCIO"},
    {"2A247", "20137", "PORTO VECCHIO"},
};

constexpr Departement kDepartements[] = {
    {"069", "10", "LYON", kRhone},
    {"075", "01", "PARIS", kParis},
    {"013", "02", "AIX-MARSEILLE", kBouchesDuRhone},
    {"031", "16", "TOULOUSE", kHauteGaronne},
    {"033", "04", "BORDEAUX", kGironde},
    {"059", "09", "LILLE", kNord},
    {"067", "15", "STRASBOURG", kBasRhin},
    {"035", "14", "RENNES", kIlleEtVilaine},
    {"044", "17", "NANTES", kLoireAtlantique},
    {"006", "23", "NICE", kAlpesMaritimes},
    {"02A", "27", "CORSE", kCorseDuSud},
};

constexpr Country kCountries[] = {
    {"131", "BELGIQUE", "BRUXELLES"},  {"109", "ALLEMAGNE", "FRANCFORT"},
    {"134", "ESPAGNE", "MADRID"},      {"139", "PORTUGAL", "PORTO"},
    {"350", "MAROC", "CASABLANCA"},    {"352", "ALGERIE", "ORAN"},
    {"351", "TUNISIE", "SFAX"},        {"341", "SENEGAL", "DAKAR"},
    {"132", "ROYAUME-UNI", "LONDRES"}, {"127", "ITALIE", "TURIN"},
};

}  // namespace

std::span<const Departement> departements() {
  return kDepartements;
}

const Departement& departement_for_uai(std::string_view uai) {
  for (const Departement& dep : kDepartements) {
    if (uai.substr(0, 3) == dep.code) return dep;
  }
  return kDepartements[0];
}

std::span<const Country> foreign_countries() {
  return kCountries;
}

}  // namespace gen::geo
