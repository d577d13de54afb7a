#pragma once
// The gist of each article a rule cites, in Chinese and English, for the
// report to print under a finding. These are summaries written from
// docs (shared/domain/shanghai-infrastructure-rules.md), not the official
// wording: the report labels them "summary / 条文要旨". A rules file can carry
// the verbatim text per rule ("article_text_zh" / "article_text_en"); a
// report prefers that.

#include <string>
#include <string_view>

namespace citytwin::assets {

struct ArticleText {
    std::string zh, en;
};

/// The summary of the article behind rule `code` ("SH-11"); empty for unknown codes.
ArticleText articleSummary(std::string_view code);

}  // namespace citytwin::assets
