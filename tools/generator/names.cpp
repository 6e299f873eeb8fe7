#include "names.hpp"

namespace gen::names {
namespace {

// Frequent French surnames plus the shapes parsers must survive: accents,
// ligatures (œ, æ), apostrophes, hyphens, particles, spaces.
constexpr std::string_view kSurnames[] = {
    "Martin",         "Bernard",   "Dubois",    "Thomas",     "Robert",    "Richard",
    "Petit",          "Durand",    "Leroy",     "Moreau",     "Simon",     "Laurent",
    "Lefèvre",        "Michel",    "Garcia",    "David",      "Bertrand",  "Roux",
    "Vincent",        "Fournier",  "Morel",     "Girard",     "André",     "Lefebvre",
    "Mercier",        "Dupont",    "Lambert",   "Bonnet",     "François",  "Martinez",
    "Legrand",        "Garnier",   "Faure",     "Rousseau",   "Blanc",     "Guérin",
    "Muller",         "Henry",     "Roussel",   "Nicolas",    "Perrin",    "Morin",
    "Mathieu",        "Clément",   "Gauthier",  "Dumont",     "Lopez",     "Fontaine",
    "Chevalier",      "Robin",     "Masson",    "Sanchez",    "Gérard",    "Nguyen",
    "Boyer",          "Denis",     "Lemaire",   "Duval",      "Joly",      "Gautier",
    "Roger",          "Roche",     "Roy",       "Noël",       "Meyer",     "Lucas",
    "Meunier",        "Jean",      "Pérez",     "Marchand",   "Dufour",    "Blanchard",
    "Marie",          "Barbier",   "Brun",      "Dumas",      "Brunet",    "Schmitt",
    "Leroux",         "Colin",     "Fernandez", "Pierre",     "Renard",    "Arnaud",
    "Rolland",        "Caron",     "Aubert",    "Giraud",     "Leclerc",   "Vidal",
    "Bourgeois",      "Renaud",    "Lemoine",   "Picard",     "Gaillard",  "Philippe",
    "Leclercq",       "Lacroix",   "Fabre",     "Dupuis",     "Olivier",   "Rodriguez",
    "Da Silva",       "Hubert",    "Louis",     "Charles",    "Guillot",   "Rivière",
    "Le Gall",        "Guillaume", "Adam",      "Rey",        "Moulin",    "Gonzalez",
    "Berger",         "Lecomte",   "Ménard",    "Fleury",     "Deschamps", "Carpentier",
    "Julien",         "Benoît",    "Maillard",  "Marchal",    "Aubry",     "Vasseur",
    "Le Roux",        "Renault",   "Jacquet",   "Collet",     "Prévost",   "Poirier",
    "Charpentier",    "Royer",     "Huet",      "Baron",      "Dupuy",     "Pons",
    "Carré",          "Breton",    "Rémy",      "Schneider",  "Perrot",    "Barré",
    "Marty",          "Cousin",    "N'Diaye",   "D'Almeida",  "Diallo",    "Traoré",
    "Cœurdevey",      "Lebœuf",    "Crèvecœur", "Le Goff",    "Du Pont",   "de La Fontaine",
    "Martin-Lefèvre", "Hénault",   "Boëlle",    "Lhôte",      "Maître",    "Chaîné",
    "Françon",        "Bréhaut",   "O'Neill",   "Saint-Just", "Le Bihan",  "Kerléo",
    "Benali",         "Haddad",    "Mansouri",  "Ferreira",   "Da Costa",  "Dos Santos",
    "Kowalski",       "Nowak",     "Ben Saïd",  "Zoubir",     "Ouédraogo", "Camara",
    "Tran",           "Pham",      "Lévêque",   "Mathé",      "Loëb",      "Hoël",
    "Gaëtan",         "Thiébaut",  "Béranger",  "Désiré",     "Pelé",      "Forêt",
};

constexpr std::string_view kBoys[] = {
    "Lucas",         "Léo",    "Gabriel", "Raphaël",  "Louis",    "Arthur",       "Jules",
    "Adam",          "Maël",   "Hugo",    "Noah",     "Nathan",   "Théo",         "Tom",
    "Sacha",         "Ethan",  "Mathéo",  "Timothée", "Noé",      "Clément",      "Baptiste",
    "Jean-Baptiste", "Loïc",   "Gaël",    "Naël",     "Ilyès",    "Mohamed",      "Ibrahima",
    "Mamadou",       "Yanis",  "Axel",    "Évan",     "Aurélien", "Jérémy",       "Benoît",
    "Anaël",         "Eliott", "Côme",    "Noël",     "Joël",     "Pierre-Louis", "Marc-Antoine",
    "Mattéo",        "Enzo",   "Kylian",  "Valentin", "Romain",   "Bastien",
};

constexpr std::string_view kGirls[] = {
    "Jade",     "Louise",    "Emma",    "Alice",     "Chloé",     "Inès",      "Léa",
    "Zoé",      "Anaïs",     "Maëlys",  "Héloïse",   "Éloïse",    "Océane",    "Clémence",
    "Adèle",    "Maëlle",    "Lætitia", "Lœtitia",   "Zoë",       "Noémie",    "Thaïs",
    "Maïwenn",  "Gwenaëlle", "Aïcha",   "Fatoumata", "Yasmine",   "Marie-Ève", "Anne-Sophie",
    "Lou-Anne", "Maëva",     "Elsa",    "Mélissa",   "Éléonore",  "Bérénice",  "Agathe",
    "Manon",    "Camille",   "Sarah",   "Lina",      "Rose",      "Ambre",     "Capucine",
    "Perrine",  "Solène",    "Mélodie", "Anaëlle",   "Joséphine", "Céleste",
};

constexpr std::string_view kMen[] = {
    "Stéphane", "Sébastien", "Frédéric",  "Jérôme",        "Nicolas",       "Christophe", "Laurent",
    "Olivier",  "David",     "Thierry",   "Éric",          "Franck",        "Grégory",    "Cédric",
    "Julien",   "Mickaël",   "Jean-Luc",  "Jean-François", "François",      "Hervé",      "Benoît",
    "Gaël",     "Noël",      "Joël",      "Raphaël",       "Hamid",         "Karim",      "Moussa",
    "Vincent",  "Arnaud",    "Guillaume", "Yannick",       "Jean-Baptiste", "José",       "Loïc",
    "Régis",    "Rémi",      "Ludovic",   "Fabrice",       "Pascal",
};

constexpr std::string_view kWomen[] = {
    "Nathalie",  "Céline",       "Aurélie",    "Sandrine",  "Stéphanie", "Isabelle", "Sophie",
    "Virginie",  "Hélène",       "Françoise",  "Lætitia",   "Lœtitia",   "Émilie",   "Élodie",
    "Karine",    "Valérie",      "Anaïs",      "Gaëlle",    "Noémie",    "Cécile",   "Agnès",
    "Bénédicte", "Marie-Hélène", "Anne-Laure", "Fatima",    "Nadia",     "Samira",   "Aminata",
    "Séverine",  "Mélanie",      "Delphine",   "Christèle", "Maïté",     "Béatrice", "Geneviève",
    "Joëlle",    "Zoé",          "Marie-Ève",  "Rachida",   "Perrine",
};

constexpr std::string_view kStreets[] = {
    "rue des Lilas",          "avenue Jean Jaurès",
    "place de l'Église",      "chemin du Moulin",
    "boulevard Victor Hugo",  "allée des Châtaigniers",
    "impasse des Œillets",    "rue de la Forêt",
    "route de Lyon",          "rue Pasteur",
    "quai Saint-Vincent",     "rue du Château d'Eau",
    "rue de la République",   "avenue du Général Leclerc",
    "rue des Écoles",         "chemin des Prés",
    "rue Émile Zola",         "place du Marché",
    "rue des Mûriers",        "allée des Cèdres",
    "rue de l'Égalité",       "rue du Stade",
    "avenue de la Gare",      "rue Paul Éluard",
    "rue des Frères Lumière", "rue Gambetta",
    "impasse du Cœur Volant", "rue des Noëls",
};

constexpr std::string_view kResidences[] = {
    "Résidence Les Pins & Les Chênes",
    "Bâtiment B",
    "Résidence du Parc",
    "Appartement 12",
    "Les Hauts de Saône",
    "Chez M. et Mme Dubœuf",
    "Escalier C, 3e étage",
    "Lieu-dit Le Clos",
};

constexpr std::string_view kEponyms[] = {
    "JEAN MOULIN",       "JULES FERRY", "LOUIS PASTEUR", "MARIE CURIE",     "VICTOR HUGO",
    "JEAN JAURES",       "GEORGE SAND", "SIMONE VEIL",   "JACQUES PREVERT", "ALBERT CAMUS",
    "CHARLES DE GAULLE", "LES GENETS",  "LA FONTAINE",   "PAUL ELUARD",     "JEAN ROSTAND",
};

}  // namespace

std::span<const std::string_view> surnames() {
  return kSurnames;
}
std::span<const std::string_view> boys() {
  return kBoys;
}
std::span<const std::string_view> girls() {
  return kGirls;
}
std::span<const std::string_view> men() {
  return kMen;
}
std::span<const std::string_view> women() {
  return kWomen;
}
std::span<const std::string_view> streets() {
  return kStreets;
}
std::span<const std::string_view> residences() {
  return kResidences;
}
std::span<const std::string_view> school_eponyms() {
  return kEponyms;
}

}  // namespace gen::names
