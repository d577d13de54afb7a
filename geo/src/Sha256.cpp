#include "citytwin/geo/Sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace citytwin::geo {

struct Sha256::State {
    EVP_MD_CTX* ctx = nullptr;
    bool finished = false;
};

Sha256::Sha256() : _state(new State) {
    _state->ctx = EVP_MD_CTX_new();
    // Allocation or a missing SHA-256 in libcrypto is not bad input: stop.
    if (!_state->ctx || EVP_DigestInit_ex(_state->ctx, EVP_sha256(), nullptr) != 1)
        std::abort();
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(_state->ctx);
    delete _state;
}

void Sha256::update(std::string_view bytes) {
    if (!_state->finished && !bytes.empty())
        EVP_DigestUpdate(_state->ctx, bytes.data(), bytes.size());
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!_state->finished) {
        EVP_DigestFinal_ex(_state->ctx, digest, &length);
        _state->finished = true;
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(kDigits[digest[i] >> 4]);
        out.push_back(kDigits[digest[i] & 0x0f]);
    }
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex();
}

}  // namespace citytwin::geo
