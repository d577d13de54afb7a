#!/usr/bin/env python3
"""A city of N buildings for the render benchmark: the demo's OSM buildings
(Lujiazui and the Bund, ~1,981 footprints with heights) repeated on a grid of
copies, each shifted by the demo's extent, until at least N buildings exist.
Writes GeoJSON (WGS 84). usage: make_city.py DEMO_BUILDINGS.geojson N OUT.geojson"""
import json
import math
import sys

src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
demo = json.load(open(src, encoding="utf-8"))
# Footprints only: the demo file also holds a few points and lines.
feats = [f for f in demo["features"] if f.get("geometry") and f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
xs, ys = [], []


def points(coords):
    if isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords:
            yield from points(c)


for f in feats:
    for p in points(f["geometry"]["coordinates"]):
        xs.append(p[0])
        ys.append(p[1])
w, h = max(xs) - min(xs), max(ys) - min(ys)
copies = math.ceil(n / len(feats))
cols = math.ceil(math.sqrt(copies))
rows = math.ceil(copies / cols)


def shift(coords, dx, dy):
    if isinstance(coords[0], (int, float)):
        return [coords[0] + dx, coords[1] + dy] + list(coords[2:])
    return [shift(c, dx, dy) for c in coords]


with open(out, "w", encoding="utf-8") as o:
    o.write('{"type":"FeatureCollection","features":[\n')
    first = True
    count = 0
    for k in range(copies):
        # Centre the grid on the demo so the demo's own copy is in the middle.
        dx = (k % cols - cols // 2) * w
        dy = (k // cols - rows // 2) * h
        for f in feats:
            g = {"type": f["geometry"]["type"], "coordinates": shift(f["geometry"]["coordinates"], dx, dy)}
            props = {k2: v for k2, v in f.get("properties", {}).items() if k2 in ("height", "min_height", "kind")}
            o.write(("" if first else ",\n") + json.dumps({"type": "Feature", "properties": props, "geometry": g}))
            first = False
            count += 1
    o.write("\n]}\n")
print(f"{count} buildings in {copies} copies ({cols}x{rows}), extent {cols * w:.3f} x {rows * h:.3f} deg")
