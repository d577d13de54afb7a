#pragma once
// SHA-256 of bytes, as lowercase hex. Scenario logs carry it so that two runs
// can be compared by one line (OpenSSL's libcrypto does the hashing).

#include <string>
#include <string_view>

namespace citytwin::geo {

/// Incremental hashing: update() any number of times, then hex() once.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    /// 64 lowercase hex digits; the hasher is finished afterwards.
    std::string hex();

private:
    struct State;
    State* _state;
};

/// SHA-256 of one buffer, lowercase hex.
std::string sha256Hex(std::string_view bytes);

}  // namespace citytwin::geo
