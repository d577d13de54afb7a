#pragma once
// The rules file (docs/assets.md, "Rules file"): every distance the checks
// use, and for each rule its code, article, severity and messages in Chinese
// and English. The defaults (assets/rules/shanghai-2023.json) are compiled in.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/assets/AssetEnums.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

enum class RuleSeverity { Advice, Warning, Violation };
std::string_view toString(RuleSeverity s);
std::optional<RuleSeverity> parseRuleSeverity(std::string_view s);

/// Rule codes the engine emits (each must be present in a rules file).
namespace rulecodes {
inline constexpr const char* kPublicFacilityFirst = "SH-11";
inline constexpr const char* kShareFirst = "SH-12";
inline constexpr const char* kPublicPlaces = "SH-16";
inline constexpr const char* kCoverageGap = "SH-17";
inline constexpr const char* kInspection = "SH-18/22";
inline constexpr const char* kWorksNotice = "SH-19";
inline constexpr const char* kRemovedWithoutReplacement = "SH-20";
inline constexpr const char* kDecommissioned = "SH-21";
inline constexpr const char* kSigns = "SH-23";
inline constexpr const char* kLandProtection = "SH-24-2";
inline constexpr const char* kUnderwaterProhibited = "SH-24-3";
inline constexpr const char* kInterference = "SH-24-4";
inline constexpr const char* kSubmarineZone = "SCP-7";
inline constexpr const char* kSubmarineProhibited = "SCP-8";
/// SH Art. 25: incidents and emergency repair (scenario cable cuts, outages, typhoons).
inline constexpr const char* kIncident = "SH-25";
const std::vector<std::string>& all();
}  // namespace rulecodes

struct RuleDefinition {
    std::string code;
    std::string article;  ///< citation shown to the inspector
    RuleSeverity severity = RuleSeverity::Warning;
    std::string messageZh;  ///< template; {name} placeholders filled per finding
    std::string messageEn;
    bool enabled = true;
    std::vector<WorksKind> worksKinds;     ///< works kinds the rule applies to (if any)
    std::vector<CableClass> cableClasses;  ///< cable classes the rule applies to (if any)
};

struct RuleSet {
    std::string name;
    std::string version;     ///< shown in reports ("shanghai-2023.1")
    std::string sourcePath;  ///< file it came from, or "(built-in)"

    std::map<std::string, RuleDefinition> rules;  ///< by code

    double facilitySearchRadiusM = 200.0;      ///< SH-11, metres
    double shareRadiusM = 100.0;               ///< SH-12, metres
    double publicPlaceRadiusM = 300.0;         ///< SH-16, metres
    double defaultCoverageRadiusM = 300.0;     ///< SH-17, for active sites without one, metres
    long defaultInspectionIntervalDays = 180;  ///< SH-18/22, days
    double worksNoticeDistanceM = 50.0;        ///< SH-19, metres
    long decommissionGraceDays = 90;           ///< SH-21, days
    double interferenceDistanceM = 100.0;      ///< SH-24-4, metres
    double interferenceMinPowerW = 0.0;        ///< SH-24-4, watts; weaker sources ignored

    std::map<CableClass, double> landHalfWidthM;   ///< protection half-width per land class, m
    std::map<Waters, double> submarineHalfWidthM;  ///< SCP-7 half-width by waters, metres
    int bufferQuadrantSegments = 16;  ///< polygon segments per quarter circle of zone ends

    // Network and scenarios ("network" and "scenario" sections of the rules file).
    std::map<HostType, double> coverageRadiusByHostM;  ///< default coverage radius by host type, m
    double networkSnapToleranceM = 30.0;  ///< cable ends / sites joined within this distance, m
    double anchorSogThresholdKn = 0.5;    ///< SH-24-3 / SCP-8: slower than this counts as anchoring
    double anchorMinDurationS = 600.0;    ///< ... for at least this long (s)
    double typhoonExposureMinWindMs =
        17.2;  ///< SH-25: aerial cables exposed at this wind (Beaufort 8)
    /// check-works refuses a works area larger than this ("works" section), km².
    double maxWorksAreaKm2 = 100.0;

    /// A site's coverage radius when it has none: by host type, else defaultCoverageRadiusM.
    double coverageRadiusFor(std::optional<HostType> maybeHost) const;

    /// The enabled rule with this code, or nullptr.
    const RuleDefinition* find(std::string_view code) const;
    /// Half-width of a cable's protection zone (metres); 0 if its class is unknown.
    /// Submarine cables without `waters` get the open-water (widest) width.
    double halfWidthM(std::optional<CableClass> maybeClass,
                      std::optional<Waters> maybeWaters) const;
    /// The widest protection half-width of any class (metres).
    double maxHalfWidthM() const;
};

/// Parses a rules file's text. Errors name the source, the line (for syntax
/// errors) and the field as a JSON path (e.g. "rules[3].severity").
geo::Result<RuleSet> parseRules(std::string_view text, const std::string& sourceName);
/// Reads and parses a rules file.
geo::Result<RuleSet> loadRules(const std::string& path);
/// The shipped defaults (assets/rules/shanghai-2023.json, compiled in).
const RuleSet& defaultRules();
/// The text of the shipped defaults, for writing a template to edit.
std::string_view defaultRulesText();

}  // namespace citytwin::assets
