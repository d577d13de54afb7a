#include "osgb/DirectoryListing.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "citytwin/formats/PercentDecode.h"

namespace citytwin::render::detail {
namespace {

bool acceptable(const std::string& name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of("/\\") == std::string::npos && name.find('\0') == std::string::npos;
}

void fromJson(const nlohmann::json& doc, std::vector<std::string>& out) {
    if (!doc.is_array())
        return;
    for (const auto& item : doc) {
        if (!item.is_object())
            continue;
        const auto name = item.find("name");
        const auto type = item.find("type");
        if (name != item.end() && name->is_string() && type != item.end() && type->is_string() &&
            type->get<std::string>() == "directory")
            out.push_back(name->get<std::string>());
    }
}

/// Every href="X/" (relative, one segment) of an HTML page.
void fromHtml(const std::string& body, std::vector<std::string>& out) {
    std::string lowerBody = body;
    for (char& c : lowerBody)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    std::size_t at = 0;
    while ((at = lowerBody.find("href=", at)) != std::string::npos) {
        at += 5;
        if (at >= body.size())
            break;
        const char quote = body[at];
        std::size_t end;
        if (quote == '"' || quote == '\'') {
            ++at;
            end = body.find(quote, at);
        } else {
            end = body.find_first_of(" >", at);
        }
        if (end == std::string::npos)
            break;
        std::string href = body.substr(at, end - at);
        at = end;
        href = href.substr(0, href.find_first_of("?#"));
        if (href.size() < 2 || href.back() != '/' || href.find("://") != std::string::npos ||
            href.front() == '/')
            continue;
        href.pop_back();
        out.push_back(formats::percentDecode(href));
    }
}

}  // namespace

std::vector<std::string> parseDirectoryListing(const std::string& body) {
    std::vector<std::string> names;
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && body[first] == '[') {
        const auto doc = nlohmann::json::parse(body, nullptr, false);
        if (!doc.is_discarded())
            fromJson(doc, names);
    } else {
        fromHtml(body, names);
    }
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const std::string& n) { return !acceptable(n); }),
                names.end());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace citytwin::render::detail
