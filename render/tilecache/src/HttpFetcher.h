#pragma once
// One HTTP(S) GET with libcurl: optional conditional headers in, the status,
// body and the validators (ETag, Last-Modified, Cache-Control) out. A
// transport failure (no connection, timeout) is an error; any HTTP status is
// a response for the caller to judge. Each thread keeps its own curl handle
// so that connections to the server are reused (keep-alive).

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::tilecache::detail {

struct HttpRequest {
    std::string url;
    std::string ifNoneMatch;      ///< an ETag, sent as If-None-Match
    std::string ifModifiedSince;  ///< a Last-Modified date, sent as If-Modified-Since
};

struct HttpResponse {
    long status = 0;
    std::vector<std::uint8_t> body;
    std::string etag;
    std::string lastModified;
    long maxAgeSeconds = -1;  ///< Cache-Control max-age, -1 if absent
    bool noStore = false;     ///< Cache-Control no-store
};

geo::Result<HttpResponse> httpGet(const HttpRequest& request);

}  // namespace citytwin::tilecache::detail
