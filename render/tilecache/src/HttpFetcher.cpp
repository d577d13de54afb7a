#include "HttpFetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace citytwin::tilecache::detail {
namespace {

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    return s.substr(i);
}

std::string lower(std::string s) {
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::vector<std::uint8_t>*>(user);
    body->insert(body->end(), data, data + size * count);
    return size * count;
}

void readCacheControl(const std::string& value, HttpResponse& r) {
    const std::string v = lower(value);
    if (v.find("no-store") != std::string::npos)
        r.noStore = true;
    if (v.find("no-cache") != std::string::npos)
        r.maxAgeSeconds = 0;
    const auto at = v.find("max-age=");
    if (at != std::string::npos) {
        long age = 0;
        std::size_t i = at + 8;
        bool digits = false;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && age < 100000000) {
            age = age * 10 + (v[i++] - '0');
            digits = true;
        }
        if (digits && r.maxAgeSeconds != 0)
            r.maxAgeSeconds = age;
    }
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* r = static_cast<HttpResponse*>(user);
    const std::string line(data, size * count);
    // A redirect's headers come first: keep only the last response's.
    if (line.rfind("HTTP/", 0) == 0) {
        r->etag.clear();
        r->lastModified.clear();
        r->maxAgeSeconds = -1;
        r->noStore = false;
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos)
        return size * count;
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string value = trim(line.substr(colon + 1));
    if (name == "etag")
        r->etag = value;
    else if (name == "last-modified")
        r->lastModified = value;
    else if (name == "cache-control")
        readCacheControl(value, *r);
    return size * count;
}

struct CurlHandle {
    CURL* curl = nullptr;
    CurlHandle() {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        curl = curl_easy_init();
    }
    ~CurlHandle() {
        if (curl)
            curl_easy_cleanup(curl);
    }
};

}  // namespace

geo::Result<HttpResponse> httpGet(const HttpRequest& request) {
    using R = geo::Result<HttpResponse>;
    thread_local CurlHandle handle;
    CURL* curl = handle.curl;
    if (!curl)
        return R::failure("cannot start an HTTP request (libcurl)", request.url);
    curl_easy_reset(curl);
    HttpResponse response;
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, curl_slist_free_all);
    auto add = [&](const std::string& h) {
        headers.reset(curl_slist_append(headers.release(), h.c_str()));
    };
    if (!request.ifNoneMatch.empty())
        add("If-None-Match: " + request.ifNoneMatch);
    if (!request.ifModifiedSince.empty())
        add("If-Modified-Since: " + request.ifModifiedSince);
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);         // worker threads: no SIGALRM
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip if the server offers it
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "citytwin");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    if (headers)
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (rc != CURLE_OK)
        return R::failure(
            std::string("HTTP request failed: ") + (error[0] ? error : curl_easy_strerror(rc)),
            request.url);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace citytwin::tilecache::detail
