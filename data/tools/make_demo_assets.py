#!/usr/bin/env python3
"""Generates the demo asset set of citytwin (docs/assets.md, "Demo asset set").

Writes data/demo/{base_stations,cables,works,public_places,interference_sources,
coverage_targets,public_facilities}.geojson, WGS 84.

* public_facilities and part of public_places are REAL OpenStreetMap features
  (ODbL 1.0, (c) OpenStreetMap contributors) from the shared dataset
  09_street_furniture (marked "may ship"); their OSM id, kind and source are kept
  (osm_id, osm_kind, source=openstreetmap.org, license).
* Everything else is SYNTHETIC (synthetic=1, source=synthetic): base stations,
  land cables, works, interference sources, coverage targets and approximate
  submarine cable routes landing at Chongming and Nanhui / Lingang. They are
  stand-ins for licensed data that may not ship, laid out so that every rule
  fires (the scenarios below are asserted before anything is written).

Python 3 standard library only; a fixed seed makes the output byte-identical.
usage: make_demo_assets.py [--shared-data DIR] [--out DIR]
"""

import argparse
import json
import math
import os
import random
import sys

SEED = 20230301  # the Measures came into force on 2023-03-01
WINDOW = (121.480, 31.226, 121.521, 31.251)  # lon/lat of the demo city
AUDIT_DATE = "2026-06-30"  # the demo's documented audit date
OPERATORS = ["China Mobile", "China Unicom", "China Telecom", "China Tower"]
HOST_TYPES = ["tower", "rooftop", "integrated_pole", "lamp_pole", "bus_shelter", "elevated_road",
              "gantry", "road_sign", "phone_booth", "indoor", "other"]
OSM_LICENSE = "ODbL 1.0, (c) OpenStreetMap contributors"

# The scenarios of docs/assets.md.
SITE_A = (121.504481, 31.238967)      # check-site: SH-11, SH-12, SH-16, SH-24-4, SH-24-2
SEA_POINT = (122.400000, 31.557500)   # check-site at sea: SCP-7 (Chongming cable, open waters)
QUIET = (121.5125, 31.2455, 121.5205, 31.2505)  # no active site here: SH-17 gaps


def metres_per_degree(lat):
    phi = math.radians(lat)
    return (111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi),
            111132.92 - 559.82 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi))


def offset(p, east_m, north_m):
    mx, my = metres_per_degree(p[1])
    return (round(p[0] + east_m / mx, 7), round(p[1] + north_m / my, 7))


def distance_m(a, b):
    mx, my = metres_per_degree((a[1] + b[1]) / 2)
    return math.hypot((a[0] - b[0]) * mx, (a[1] - b[1]) * my)


def feature(geometry, props):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def point(p):
    return {"type": "Point", "coordinates": [p[0], p[1]]}


def line(ps):
    return {"type": "LineString", "coordinates": [[p[0], p[1]] for p in ps]}


def square(centre, half_m):
    ring = [offset(centre, -half_m, -half_m), offset(centre, half_m, -half_m),
            offset(centre, half_m, half_m), offset(centre, -half_m, half_m)]
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [[[p[0], p[1]] for p in ring]]}


def synthetic(props):
    props.update({"synthetic": 1, "source": "synthetic"})
    return props


def in_box(p, box):
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def random_point(rng, avoid=None):
    while True:
        p = (round(rng.uniform(WINDOW[0] + 0.001, WINDOW[2] - 0.001), 7),
             round(rng.uniform(WINDOW[1] + 0.001, WINDOW[3] - 0.001), 7))
        if avoid is None or not in_box(p, avoid):
            return p


def public_facilities(shared):
    """Real OSM candidate positions, mapped to SH Art. 11 kinds."""
    kinds = {"traffic_signals": "integrated_pole", "bus_stop": "bus_shelter", "crossing": "road_sign"}
    out = []
    path = os.path.join(shared, "09_street_furniture", "shanghai_central_candidate_sites_tilezen.geojson")
    for f in json.load(open(path, encoding="utf-8"))["features"]:
        p = f["properties"]
        kind = kinds.get(p.get("kind"))
        if kind is None:
            continue
        c = f["geometry"]["coordinates"]
        out.append(feature(point(c), {
            "id": "OSM-%s" % p["id"], "kind": kind, "name": p.get("name", ""), "suitable": 1,
            "osm_id": p["id"], "osm_kind": p["kind"], "source": "openstreetmap.org",
            "license": OSM_LICENSE, "synthetic": 0}))
    path = os.path.join(shared, "09_street_furniture", "shanghai_huangpu_traffic_signals_crossings_osm.geojson")
    for f in json.load(open(path, encoding="utf-8"))["features"]:
        p = f["properties"]
        c = f["geometry"]["coordinates"]
        if not in_box(c, WINDOW) or p.get("highway") not in kinds:
            continue
        out.append(feature(point(c), {
            "id": "OSM-%s" % p["osm_node_id"], "kind": kinds[p["highway"]], "name": "", "suitable": 1,
            "osm_id": p["osm_node_id"], "osm_kind": p["highway"], "source": "openstreetmap.org",
            "license": OSM_LICENSE, "synthetic": 0}))
    return out


def synthetic_facilities(rng):
    """Kinds OSM has no open data for in Shanghai (lamp poles, gantries ...)."""
    out = []
    kinds = ["lamp_pole"] * 10 + ["elevated_road", "gantry", "gantry", "phone_booth", "phone_booth"]
    for i, kind in enumerate(kinds):
        out.append(feature(point(random_point(rng)), synthetic({
            "id": "SYN-PF-%03d" % (i + 1), "kind": kind, "name": "", "suitable": 0 if i % 5 == 4 else 1})))
    # A lamp pole 60 m from site A (nearest first in its SH-11 list) and an
    # unsuitable one 30 m from it that must not be listed.
    out.append(feature(point(offset(SITE_A, 0, 60)), synthetic({
        "id": "SYN-PF-A1", "kind": "lamp_pole", "name": "Lujiazui E Rd lamp 12", "suitable": 1})))
    out.append(feature(point(offset(SITE_A, -30, 0)), synthetic({
        "id": "SYN-PF-A2", "kind": "lamp_pole", "name": "Lujiazui E Rd lamp 11 (too weak)", "suitable": 0})))
    return out


def public_places(shared):
    kinds = {"subway_entrance": "metro", "station": "station", "ferry_terminal": "port",
             "viewpoint": "scenic_spot"}
    out = []
    path = os.path.join(shared, "09_street_furniture", "shanghai_central_candidate_sites_tilezen.geojson")
    for f in json.load(open(path, encoding="utf-8"))["features"]:
        p = f["properties"]
        if p.get("kind") not in kinds:
            continue
        out.append(feature(f["geometry"], {
            "id": "OSM-%s" % p["id"], "kind": kinds[p["kind"]], "name": p.get("name", ""),
            "osm_id": p["id"], "osm_kind": p["kind"], "source": "openstreetmap.org",
            "license": OSM_LICENSE, "synthetic": 0}))
    extra = [
        ("SYN-PP-1", "government_office", "Pudong street office (synthetic)", point(offset(SITE_A, 150, -120))),
        ("SYN-PP-2", "hospital", "Lujiazui community hospital (synthetic)", point((121.5165, 31.2410))),
        ("SYN-PP-3", "exhibition_hall", "Riverside exhibition hall (synthetic)", point((121.4960, 31.2445))),
        ("SYN-PP-4", "public_green", "Lujiazui green (synthetic)", square((121.5012, 31.2428), 90)),
        ("SYN-PP-5", "bridge", "Waibaidu bridge (synthetic position)", point((121.4870, 31.2455))),
        ("SYN-PP-6", "tunnel", "Yan'an E Rd tunnel portal (synthetic position)", point((121.4935, 31.2330))),
        ("SYN-PP-7", "airport", "Pudong airport (approximate)", point((121.8050, 31.1440))),
    ]
    for pid, kind, name, geom in extra:
        out.append(feature(geom, synthetic({"id": pid, "kind": kind, "name": name})))
    return out


def base_stations(rng):
    out = []
    statuses = (["active"] * 36 + ["planned"] * 8 + ["decommissioned"] * 8 + ["removed"] * 8)
    for i, status in enumerate(statuses):
        sid = "SYN-BS-%03d" % (i + 1)
        op = OPERATORS[i % 4]
        host = HOST_TYPES[i % len(HOST_TYPES)]
        pos = random_point(rng, avoid=QUIET if status == "active" else None)
        tenants = [op] + ([OPERATORS[(i + 1) % 3]] if i % 3 == 0 else [])
        props = {
            "id": sid, "operator": op, "host_type": host, "status": status,
            "status_date": "20%02d-%02d-%02d" % (rng.randint(19, 25), rng.randint(1, 12), rng.randint(1, 28)),
            "tenants": ",".join(tenants), "spare_capacity": rng.randint(0, 2),
            "antenna_height_m": round(rng.uniform(6, 45), 1),
            "coverage_radius_m": rng.choice([150, 200, 250, 300, 400]),
            "last_inspection": "2026-%02d-%02d" % (rng.randint(3, 6), rng.randint(1, 28)),
            "inspection_interval_days": rng.choice([120, 180, 365]),
            "sign_status": "ok", "replacement_id": ""}
        if status == "removed":
            props["replacement_id"] = "" if i % 2 == 0 else "SYN-BS-%03d" % (i % 36 + 1)
        if status == "decommissioned":
            # Half within the 90-day grace at the audit date, half past it.
            props["status_date"] = "2026-05-20" if i % 2 == 0 else "2025-%02d-15" % (i % 12 + 1)
        out.append(feature(point(pos), synthetic(props)))
    # Signs and overdue inspections on a few standing sites.
    standing = [f for f in out if f["properties"]["status"] in ("active", "decommissioned")]
    for k, f in enumerate(standing[:6]):
        f["properties"]["sign_status"] = "missing" if k % 2 == 0 else "damaged"
    for f in standing[6:12]:
        f["properties"]["last_inspection"] = "2025-0%d-10" % (1 + len(f["properties"]["id"]) % 8)
        f["properties"]["inspection_interval_days"] = 90
    # Scenario site A: a shareable active tower 70 m away, a removed one 40 m
    # away (not shareable), and a full one 50 m away (no spare capacity).
    out.append(feature(point(offset(SITE_A, 70, 0)), synthetic({
        "id": "SYN-BS-A1", "operator": "China Tower", "host_type": "tower", "status": "active",
        "status_date": "2021-04-01", "tenants": "China Mobile,China Telecom", "spare_capacity": 1,
        "antenna_height_m": 35.0, "coverage_radius_m": 300, "last_inspection": "2026-05-01",
        "inspection_interval_days": 180, "sign_status": "ok", "replacement_id": ""})))
    out.append(feature(point(offset(SITE_A, 0, -40)), synthetic({
        "id": "SYN-BS-A2", "operator": "China Unicom", "host_type": "rooftop", "status": "removed",
        "status_date": "2024-09-01", "tenants": "China Unicom", "spare_capacity": 2,
        "antenna_height_m": 28.0, "coverage_radius_m": 200, "last_inspection": "2024-08-01",
        "inspection_interval_days": 180, "sign_status": "ok", "replacement_id": "SYN-BS-A1"})))
    out.append(feature(point(offset(SITE_A, -50, 10)), synthetic({
        "id": "SYN-BS-A3", "operator": "China Mobile", "host_type": "integrated_pole", "status": "active",
        "status_date": "2023-06-01", "tenants": "China Mobile", "spare_capacity": 0,
        "antenna_height_m": 10.0, "coverage_radius_m": 150, "last_inspection": "2026-06-01",
        "inspection_interval_days": 180, "sign_status": "ok", "replacement_id": ""})))
    return out


def cables(rng):
    out = []
    # Land cables crossing the demo city; the duct passes 3 m north of site A.
    a_west, a_east = offset(SITE_A, -900, 3), offset(SITE_A, 900, 3)
    land = [
        ("SYN-CB-1", "China Telecom", "duct", [a_west, offset(SITE_A, 0, 3), a_east]),
        ("SYN-CB-2", "China Mobile", "buried", [(121.482, 31.2295), (121.498, 31.2300), (121.519, 31.2310)]),
        ("SYN-CB-3", "China Unicom", "aerial", [(121.483, 31.2480), (121.500, 31.2470), (121.518, 31.2490)]),
        ("SYN-CB-4", "China Mobile", "underwater", [(121.4905, 31.2400), (121.4960, 31.2395)]),
        ("SYN-CB-5", "China Tower", "duct", [(121.4850, 31.2270), (121.4880, 31.2500)]),
    ]
    for cid, op, cls, pts in land:
        out.append(feature(line(pts), synthetic({"id": cid, "operator": op, "class": cls, "status": "active"})))
    # Approximate submarine routes (not real routes): out east into the East China Sea.
    sea = [
        ("SYN-SUB-CM", "China Telecom", "open", "Chongming (Dongtan) landing",
         [(121.960, 31.520), (122.200, 31.540), (122.600, 31.580), (123.200, 31.650)]),
        ("SYN-SUB-NH", "China Unicom", "open", "Nanhui landing",
         [(121.960, 30.990), (122.200, 30.960), (122.700, 30.900), (123.300, 30.850)]),
        ("SYN-SUB-LG", "China Mobile", "bay", "Lingang landing (Hangzhou Bay mouth)",
         [(121.930, 30.880), (122.050, 30.830), (122.250, 30.760)]),
        ("SYN-SUB-PT", "China Mobile", "port", "Lingang port area spur",
         [(121.905, 30.870), (121.930, 30.880)]),
    ]
    for cid, op, waters, note, pts in sea:
        out.append(feature(line(pts), synthetic({
            "id": cid, "operator": op, "class": "submarine", "waters": waters, "status": "active",
            "note": note + "; approximate synthetic route"})))
    return out


def works():
    # An excavation crossing the duct east of site A (SH-19, SH-24-2), and an
    # anchoring area on the Chongming cable (SH-19, SH-24-3, SCP-8).
    trench = square(offset(SITE_A, 400, 0), 15)
    anchor = square((122.400, 31.5595), 300)
    piling = square((121.5100, 31.2280), 20)  # piling far from any cable: SH-19 only if assets near
    return [
        feature(trench, synthetic({"id": "SYN-WK-1", "kind": "excavation", "start": "2026-07-01",
                                   "end": "2026-07-20", "applicant": "Pudong road works (synthetic)"})),
        feature(anchor, synthetic({"id": "SYN-WK-2", "kind": "anchoring", "start": "2026-08-01",
                                   "end": "2026-08-03", "applicant": "Anchorage request (synthetic)"})),
        feature(piling, synthetic({"id": "SYN-WK-3", "kind": "piling", "start": "2026-09-01",
                                   "end": "2026-10-30", "applicant": "Building site (synthetic)"})),
    ]


def interference_sources(rng):
    out = [feature(point(offset(SITE_A, 0, -70)), synthetic({
        "id": "SYN-IF-A1", "kind": "signal_jammer", "power_w": 50.0}))]
    for i, kind in enumerate(["radar", "broadcast_transmitter", "industrial_heater"]):
        out.append(feature(point(random_point(rng)), synthetic({
            "id": "SYN-IF-%d" % (i + 1), "kind": kind, "power_w": round(rng.uniform(100, 5000), 0)})))
    return out


def coverage_targets(rng):
    out = []
    kinds = ["residential", "office", "underground", "other"]
    for i in range(8):
        c = random_point(rng, avoid=QUIET)
        out.append(feature(square(c, 60), synthetic({
            "id": "SYN-CT-%d" % (i + 1), "kind": kinds[i % 4], "name": "%s block %d" % (kinds[i % 4], i + 1)})))
    for i, c in enumerate([(121.5175, 31.2480), (121.5190, 31.2500)]):
        out.append(feature(square(c, 40), synthetic({
            "id": "SYN-CT-GAP%d" % (i + 1), "kind": ["residential", "underground"][i],
            "name": ["Riverside compound (gap)", "Metro concourse (gap)"][i]})))
    return out


def check_scenarios(layers):
    """The demo must exercise every rule: fail loudly if a change breaks that."""
    fac = [f for f in layers["public_facilities"]["features"] if f["properties"]["suitable"] == 1]
    assert any(distance_m(SITE_A, f["geometry"]["coordinates"]) <= 200 for f in fac), "SH-11"
    bs = layers["base_stations"]["features"]
    assert any(distance_m(SITE_A, f["geometry"]["coordinates"]) <= 100 and f["properties"]["spare_capacity"] > 0
               and f["properties"]["status"] not in ("removed", "planned") for f in bs), "SH-12"
    active = [f for f in bs if f["properties"]["status"] == "active"]
    for f in layers["coverage_targets"]["features"]:
        if "GAP" in f["properties"]["id"]:
            ring = f["geometry"]["coordinates"][0]
            gap = min(distance_m(a["geometry"]["coordinates"], q) - a["properties"]["coverage_radius_m"]
                      for a in active for q in ring)
            assert gap > 50, "SH-17 gap target is covered"
    statuses = {f["properties"]["status"] for f in bs}
    assert statuses == {"planned", "active", "decommissioned", "removed"}
    assert {f["properties"]["host_type"] for f in bs} == set(HOST_TYPES)


def collection(name, features):
    return {"type": "FeatureCollection", "name": name,
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "features": features}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared-data", default=os.path.join(os.path.dirname(repo), "shared", "data"))
    ap.add_argument("--out", default=os.path.join(repo, "data", "demo"))
    args = ap.parse_args()
    rng = random.Random(SEED)
    layers = {
        "base_stations": collection("base_stations", base_stations(rng)),
        "cables": collection("cables", cables(rng)),
        "works": collection("works", works()),
        "public_places": collection("public_places", public_places(args.shared_data)),
        "interference_sources": collection("interference_sources", interference_sources(rng)),
        "coverage_targets": collection("coverage_targets", coverage_targets(rng)),
        "public_facilities": collection("public_facilities",
                                        public_facilities(args.shared_data) + synthetic_facilities(rng)),
    }
    check_scenarios(layers)
    os.makedirs(args.out, exist_ok=True)
    for name, fc in layers.items():
        with open(os.path.join(args.out, name + ".geojson"), "w", encoding="utf-8") as f:
            json.dump(fc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("%-22s %4d features" % (name, len(fc["features"])), file=sys.stderr)


if __name__ == "__main__":
    main()
