#!/usr/bin/env python3
"""Writes a 3D Tiles 1.0 quadtree of point-cloud tiles (pnts) for the paged
fly-through bench: a square SIDE metres wide centred on LON, LAT, LEVELS
deep (REPLACE refinement, geometric error halving per level), each tile
POINTS coloured points over a gentle hill. With the defaults: 341 tiles,
6.8 million points, ~100 MB, far more than a small memory budget.

usage: make_tileset.py OUT_DIR [--lon 121.47] [--lat 31.23] [--side 8000]
                       [--levels 5] [--points 20000]
"""
import argparse
import json
import math
import os
import random
import struct


def enu_to_ecef(lon_deg, lat_deg):
    """Column-major 4x4: east, north, up columns, then the origin (WGS 84)."""
    lon, lat = math.radians(lon_deg), math.radians(lat_deg)
    a, e2 = 6378137.0, 6.69437999014e-3
    n = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    x = n * math.cos(lat) * math.cos(lon)
    y = n * math.cos(lat) * math.sin(lon)
    z = n * (1 - e2) * math.sin(lat)
    east = [-math.sin(lon), math.cos(lon), 0.0]
    north = [-math.sin(lat) * math.cos(lon), -math.sin(lat) * math.sin(lon), math.cos(lat)]
    up = [math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)]
    return east + [0.0] + north + [0.0] + up + [0.0] + [x, y, z, 1.0]


def height(x, y, side):
    return 60.0 * math.exp(-(x * x + y * y) / (2 * (side * 0.3) ** 2))


def pnts(cx, cy, half, count, side, rng):
    positions = bytearray()
    colours = bytearray()
    for _ in range(count):
        x = cx + rng.uniform(-half, half)
        y = cy + rng.uniform(-half, half)
        z = height(x, y, side)
        positions += struct.pack("<3f", x, y, z)
        colours += bytes((int(80 + 120 * (x / side + 0.5)) & 255,
                          int(80 + 120 * (y / side + 0.5)) & 255, int(min(255, 90 + 2 * z))))
    body = bytes(positions) + bytes(colours)
    body += b"\0" * (-len(body) % 8)
    ft = json.dumps({"POINTS_LENGTH": count, "POSITION": {"byteOffset": 0},
                     "RGB": {"byteOffset": len(positions)}}).encode()
    ft += b" " * (-(28 + len(ft)) % 8)
    header = b"pnts" + struct.pack("<6I", 1, 28 + len(ft) + len(body), len(ft), len(body), 0, 0)
    return header + ft + body


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--lon", type=float, default=121.49)
    p.add_argument("--lat", type=float, default=31.23)
    p.add_argument("--side", type=float, default=8000.0)
    p.add_argument("--levels", type=int, default=5)
    p.add_argument("--points", type=int, default=20000)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(7)

    def tile(level, ix, iy):
        count = 2 ** level
        size = args.side / count
        cx = -args.side / 2 + (ix + 0.5) * size
        cy = -args.side / 2 + (iy + 0.5) * size
        name = f"{level}_{ix}_{iy}.pnts"
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(pnts(cx, cy, size / 2, args.points, args.side, rng))
        node = {
            "boundingVolume": {"box": [cx, cy, 30, size / 2, 0, 0, 0, size / 2, 0, 0, 0, 40]},
            "geometricError": 0.0 if level + 1 == args.levels else size / 16,
            "content": {"uri": name},
        }
        if level + 1 < args.levels:
            node["children"] = [tile(level + 1, 2 * ix + dx, 2 * iy + dy)
                                for dy in (0, 1) for dx in (0, 1)]
        return node

    root = tile(0, 0, 0)
    root["refine"] = "REPLACE"
    root["transform"] = enu_to_ecef(args.lon, args.lat)
    with open(os.path.join(args.out, "tileset.json"), "w") as f:
        json.dump({"asset": {"version": "1.0"}, "geometricError": args.side / 8, "root": root}, f)


if __name__ == "__main__":
    main()
