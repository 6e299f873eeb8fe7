// Pools of French names and street names. All combinations are synthetic:
// given names and surnames are drawn independently, nobody real is described.
#pragma once

#include <span>
#include <string_view>

namespace gen::names {

// Surnames in mixed case as typed ("Le Goff", "de La Fontaine", "N'Diaye");
// SIECLE capitalises them, see upper_fr().
std::span<const std::string_view> surnames();

// Given names for pupils (born ~2010-2015) and adults (born ~1960-1995).
std::span<const std::string_view> boys();
std::span<const std::string_view> girls();
std::span<const std::string_view> men();
std::span<const std::string_view> women();

// "rue des Lilas", "impasse des Œillets"… (house number added by caller).
std::span<const std::string_view> streets();
// Optional second address line ("Résidence Les Pins & Les Chênes").
std::span<const std::string_view> residences();

// Eponyms of schools ("JEAN MOULIN"), as STS writes DENOM_COMPL.
std::span<const std::string_view> school_eponyms();

}  // namespace gen::names
