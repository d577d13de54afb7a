#pragma once
// Output of check-site, check-works and audit: the JSON contract of issue 4
// and a readable text form.
//
// JSON: {"findings":[{"rule":"SH-11","article":"…","severity":"advice",
//   "message_zh":"…","message_en":"…","related":[{"layer":"public_facilities",
//   "id":"…","distance_m":80.2}]}]}   (distances in metres, 0.1 m)

#include <string>
#include <vector>

#include "citytwin/assets/Finding.h"

namespace citytwin::assets {

std::string findingsToJson(const std::vector<Finding>& findings);
/// One block per finding: "[severity] RULE (article)", both messages, related list.
std::string findingsToText(const std::vector<Finding>& findings);

}  // namespace citytwin::assets
