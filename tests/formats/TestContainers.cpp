// The GLB container and the tile sources (files or HTTP): chunk splitting,
// URI resolution and the refusal of other hosts and escapes.

#include <gtest/gtest.h>

#include "TileFormatSamples.h"
#include "TileTestBytes.h"
#include "citytwin/formats/GlbContainer.h"
#include "citytwin/formats/TileSource.h"

using namespace citytwin;
using namespace citytwin::test;

TEST(GlbContainer, splitsJsonAndBinChunks) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const auto bytes = readText(kBoxGlb);
    auto glb = formats::parseGlb(bytesOf(bytes), "Box.glb");
    ASSERT_TRUE(glb) << glb.messages();
    EXPECT_EQ(glb->version, 2u);
    EXPECT_EQ(glb->length, bytes.size());
    EXPECT_EQ(glb->json.front(), '{');
    EXPECT_EQ(glb->bin.size(), 648u);  // the same bytes as Box0.bin
}

TEST(TileSource, resolvesRelativeUrisAndRefusesOtherHostsAndEscapes) {
    auto s = formats::TileSource::open("http://Example.com/a/b/tileset.json?v=2");
    ASSERT_TRUE(s) << s.messages();
    EXPECT_TRUE(s->isRemote());
    const std::string base = s->tilesetLocation();
    EXPECT_EQ(base, "http://example.com:80/a/b/tileset.json?v=2");
    EXPECT_EQ(*s->resolve(base, "c/./d.b3dm", "uri"), "http://example.com:80/a/b/c/d.b3dm");
    EXPECT_EQ(*s->resolve(base, "http://EXAMPLE.com:80/a/b/x.pnts", "uri"),
              "http://example.com:80/a/b/x.pnts");
    EXPECT_EQ(*s->resolve("http://example.com:80/a/b/c/inner.json", "../y.glb", "uri"),
              "http://example.com:80/a/b/y.glb");
    auto refused = [&](const std::string& uri, const std::string& why) {
        auto r = s->resolve(base, uri, "root.content.uri");
        ASSERT_FALSE(r) << uri;
        EXPECT_NE(r.messages().find(why), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find("root.content.uri"), std::string::npos);
    };
    refused("../secret.b3dm", "leaves the tileset's root");
    refused("/a/other/t.b3dm", "leaves the tileset's root");
    refused("../../../../etc/passwd", "climbs above the server root");
    refused("https://example.com/a/b/x.b3dm", "names host");
    refused("http://evil.example.org/a/b/x.b3dm", "names host");
    refused("//evil.example.org/x.b3dm", "names host");
    refused("http://user@example.com/a/b/x.b3dm", "not an http(s) URL");
    refused("%2e%2e/secret.b3dm", "%-escapes");
    refused("file:///etc/passwd", "not an http(s) URL");

    auto allowed =
        formats::TileSource::open("http://example.com/a/tileset.json", {"https://cdn.example.net"});
    ASSERT_TRUE(allowed);
    EXPECT_TRUE(
        allowed->resolve(allowed->tilesetLocation(), "https://cdn.example.net/z/t.b3dm", "uri"));
}
