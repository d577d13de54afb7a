#pragma once
// Sample 3D Tiles contents for the format and tileset tests: pnts with
// quantized positions, Draco-compressed pnts (through the real encoder),
// i3dm instancing the shared Box.glb. Built in memory so tests can break them.

#include <draco/compression/encode.h>
#include <draco/point_cloud/point_cloud_builder.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "TileTestBytes.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/test/TestPaths.h"

namespace citytwin::test {

inline const std::filesystem::path kSamples =
    std::filesystem::path(kSharedDataDir) / "06_3dtiles_gltf";
inline const std::filesystem::path kRequestVolume =
    kSamples / "3d-tiles-samples/1.0/TilesetWithRequestVolume";
inline const std::filesystem::path kBoxGlb =
    kSamples / "gltf_samples_from_google_draco/Box/glTF_Binary/Box.glb";

/// ECEF of a point in Shanghai, as tile content positions around it.
inline const geo::Vec3d kLujiazui = geo::LocalFrame::geographicToEcef({121.5, 31.24, 10.0});

/// Three points with quantized positions, RGB565, oct normals, batch ids.
inline std::string quantizedPnts() {
    std::string bin;
    appendValues<std::uint16_t>(bin,
                                {0, 0, 0, 65535, 0, 0, 0, 65535, 65535});  // POSITION_QUANTIZED
    appendValues<std::uint16_t>(bin, {0xF800, 0x07E0, 0x001F});            // RGB565: r, g, b
    appendValues<std::uint8_t>(bin, {128, 128, 255, 255, 0, 0});           // NORMAL_OCT16P
    appendValues<std::uint8_t>(bin, {0, 1, 1});                            // BATCH_ID
    bin.append(5, '\0');
    char json[600];
    std::snprintf(json, sizeof json,
                  R"({"POINTS_LENGTH":3,"POSITION_QUANTIZED":{"byteOffset":0},)"
                  R"("QUANTIZED_VOLUME_OFFSET":[-1,-2,-3],"QUANTIZED_VOLUME_SCALE":[2,4,6],)"
                  R"("RTC_CENTER":[%.17g,%.17g,%.17g],"RGB565":{"byteOffset":18},)"
                  R"("NORMAL_OCT16P":{"byteOffset":24},"BATCH_LENGTH":2,)"
                  R"("BATCH_ID":{"byteOffset":30,"componentType":"UNSIGNED_BYTE"}})",
                  kLujiazui.x, kLujiazui.y, kLujiazui.z);
    std::string btBin;
    appendValues<float>(btBin, {1.5f, 2.5f});
    return makeTile(
        "pnts", json, bin,
        R"({"name":["lamp","pole"],"height":{"byteOffset":0,"componentType":"FLOAT","type":"SCALAR"}})",
        btBin, "");
}

/// Four points for the Draco tests, with colours, batch ids and an intensity.
struct DracoCloud {
    std::vector<float> xyz{0, 0, 0, 10, 0, 0, 0, 5, 0, 1.25f, 2.5f, -3};
    std::vector<std::uint8_t> rgb{255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};
    std::vector<std::uint16_t> batchIds{0, 1, 1, 0};
    std::vector<std::uint8_t> intensity{7, 8, 9, 200};
};

/// The cloud through the real Draco encoder, sequentially (point order is
/// kept), positions quantized to `bits` (0: floats). Attribute unique ids:
/// POSITION 0, RGB 1, BATCH_ID 2, intensity 3.
inline std::string encodeDraco(const DracoCloud& c, int bits) {
    draco::PointCloudBuilder builder;
    builder.Start(std::uint32_t(c.xyz.size() / 3));
    auto add = [&](draco::GeometryAttribute::Type type, int components, draco::DataType data,
                   const void* values) {
        const int id = builder.AddAttribute(type, std::int8_t(components), data);
        builder.SetAttributeValuesForAllPoints(id, values, 0);
    };
    add(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32, c.xyz.data());
    add(draco::GeometryAttribute::COLOR, 3, draco::DT_UINT8, c.rgb.data());
    add(draco::GeometryAttribute::GENERIC, 1, draco::DT_UINT16, c.batchIds.data());
    add(draco::GeometryAttribute::GENERIC, 1, draco::DT_UINT8, c.intensity.data());
    const std::unique_ptr<draco::PointCloud> cloud = builder.Finalize(false);
    EXPECT_TRUE(cloud);
    if (!cloud)
        return {};
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(cloud->attribute(i)->unique_id(), std::uint32_t(i));
    draco::Encoder encoder;
    encoder.SetEncodingMethod(draco::POINT_CLOUD_SEQUENTIAL_ENCODING);
    if (bits)
        encoder.SetAttributeQuantization(draco::GeometryAttribute::POSITION, bits);
    draco::EncoderBuffer out;
    const draco::Status status = encoder.EncodePointCloudToBuffer(*cloud, &out);
    EXPECT_TRUE(status.ok()) << status.error_msg_string();
    return std::string(out.data(), out.size());
}

struct DracoPntsSpec {
    std::string bitstream;
    std::string properties = R"({"POSITION":0,"RGB":1,"BATCH_ID":2})";
    std::string plain = R"("RGB":{"byteOffset":0},"BATCH_LENGTH":2,)"
                        R"("BATCH_ID":{"byteOffset":0,"componentType":"UNSIGNED_SHORT"},)";
    std::size_t byteOffset = 8;
    std::optional<std::size_t> byteLength;  ///< the bitstream's if unset
    std::uint32_t pointsLength = 4;
    std::string batchTable = R"({"name":["lamp","pole"]})";
};

/// A pnts around Lujiazui whose feature table binary holds 8 bytes, then
/// the bitstream.
inline std::string dracoPnts(const DracoPntsSpec& s) {
    std::string bin = std::string(8, '\0') + s.bitstream;
    while (bin.size() % 8)
        bin.push_back('\0');
    char json[900];
    std::snprintf(json, sizeof json,
                  R"({"POINTS_LENGTH":%u,"POSITION":{"byteOffset":0},)"
                  R"("RTC_CENTER":[%.17g,%.17g,%.17g],%s"extensions":)"
                  R"({"3DTILES_draco_point_compression":{"properties":%s,)"
                  R"("byteOffset":%zu,"byteLength":%zu}}})",
                  s.pointsLength, kLujiazui.x, kLujiazui.y, kLujiazui.z, s.plain.c_str(),
                  s.properties.c_str(), s.byteOffset, s.byteLength.value_or(s.bitstream.size()));
    return makeTile("pnts", json, bin, s.batchTable, "", "");
}

inline std::string boxGlb() {
    return readText(kBoxGlb);
}

/// Two instances of Box.glb, 10 m apart, with explicit axes and scales.
inline std::string boxI3dm(bool octNormals) {
    std::string bin;
    appendValues<float>(bin, {0, 0, 0, 10, 0, 0});  // POSITION
    std::string orientation;
    if (octNormals) {
        appendValues<std::uint16_t>(bin, {32768, 32768, 32768, 32768});  // up: +z, +z
        appendValues<std::uint16_t>(bin, {65535, 32768, 65535, 32768});  // right: +x, +x
        orientation =
            R"("NORMAL_UP_OCT32P":{"byteOffset":24},"NORMAL_RIGHT_OCT32P":{"byteOffset":32},)";
    } else {
        appendValues<float>(bin, {0, 0, 1, 0, 0, 1});  // NORMAL_UP
        appendValues<float>(bin, {1, 0, 0, 1, 0, 0});  // NORMAL_RIGHT
        orientation = R"("NORMAL_UP":{"byteOffset":24},"NORMAL_RIGHT":{"byteOffset":48},)";
    }
    const std::size_t scaleAt = bin.size();
    appendValues<float>(bin, {1, 2, 3, 2, 2, 2});  // SCALE_NON_UNIFORM
    const std::size_t batchAt = bin.size();
    appendValues<std::uint16_t>(bin, {1, 0});
    while (bin.size() % 8)
        bin.push_back('\0');
    char json[700];
    std::snprintf(json, sizeof json,
                  R"({"INSTANCES_LENGTH":2,"RTC_CENTER":[%.17g,%.17g,%.17g],)"
                  R"("POSITION":{"byteOffset":0},%s"SCALE_NON_UNIFORM":{"byteOffset":%zu},)"
                  R"("BATCH_ID":{"byteOffset":%zu}})",
                  kLujiazui.x, kLujiazui.y, kLujiazui.z, orientation.c_str(), scaleAt, batchAt);
    std::string format;
    appendU32(format, 1);
    return makeTile("i3dm", json, bin, R"({"kind":["bench","shelter"]})", "", boxGlb(), format);
}

}  // namespace citytwin::test
