#!/usr/bin/env python3
"""Generates the demo asset set of citytwin (docs/assets.md, "Demo asset set").

Writes data/demo/{base_stations,cables,works,public_places,interference_sources,
coverage_targets,public_facilities,core_nodes}.geojson, WGS 84.

* public_facilities and part of public_places are REAL OpenStreetMap features
  (ODbL 1.0, (c) OpenStreetMap contributors) from the shared dataset
  09_street_furniture (marked "may ship"); their OSM id, kind and source are kept
  (osm_id, osm_kind, source=openstreetmap.org, license).
* Everything else is SYNTHETIC (synthetic=1, source=synthetic): base stations,
  land cables, works, interference sources, coverage targets and approximate
  submarine cable routes landing at Chongming and Nanhui / Lingang, the core
  nodes (machine rooms, a data centre, landing stations) and the network
  topology (duct rings, feeders, spurs, backbones; docs/network.md). They are
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
    # The network joins (docs/network.md): SYN-CB-1 is the ring's north side
    # between two machine rooms, the river crossing lands at machine room 1,
    # the Puxi duct leaves the data centre; the others are joined by snapping.
    joins = {"SYN-CB-1": ("SYN-MR-LJZ-1", "SYN-MR-LJZ-2"), "SYN-CB-4": ("", "SYN-MR-LJZ-1"),
             "SYN-CB-5": ("SYN-DC-HP-1", "")}
    for cid, op, cls, pts in land:
        props = {"id": cid, "operator": op, "class": cls, "status": "active"}
        frm, to = joins.get(cid, ("", ""))
        if frm:
            props["from"] = frm
        if to:
            props["to"] = to
        out.append(feature(line(pts), synthetic(props)))
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
    landing = {"SYN-SUB-CM": ("SYN-LS-CM", ""), "SYN-SUB-NH": ("SYN-LS-NH", ""),
               "SYN-SUB-LG": ("SYN-LS-LG", ""), "SYN-SUB-PT": ("", "SYN-LS-LG")}
    for cid, op, waters, note, pts in sea:
        props = {"id": cid, "operator": op, "class": "submarine", "waters": waters, "status": "active",
                 "note": note + "; approximate synthetic route"}
        frm, to = landing[cid]
        if frm:
            props["from"] = frm
        if to:
            props["to"] = to
        out.append(feature(line(pts), synthetic(props)))
    return out


# The network (docs/network.md): core nodes where backhaul ends.
CB1_WEST, CB1_EAST = offset(SITE_A, -900, 3), offset(SITE_A, 900, 3)
CORE_NODES = [
    ("SYN-MR-LJZ-1", "machine_room", "Lujiazui machine room 1 (west)", "China Telecom", CB1_WEST),
    ("SYN-MR-LJZ-2", "machine_room", "Lujiazui machine room 2 (east)", "China Telecom", CB1_EAST),
    ("SYN-MR-LJZ-3", "machine_room", "Lujiazui machine room 3 (south)", "China Mobile", (121.5040, 31.2310)),
    ("SYN-DC-HP-1", "data_centre", "Huangpu data centre", "China Unicom", (121.4850, 31.2270)),
    ("SYN-LS-CM", "landing_station", "Chongming Dongtan landing station", "China Telecom", (121.9535, 31.5215)),
    ("SYN-LS-NH", "landing_station", "Nanhui landing station", "China Unicom", (121.9545, 30.9925)),
    ("SYN-LS-LG", "landing_station", "Lingang landing station", "China Mobile", (121.9255, 30.8830)),
]
# The what-if of the demo: a whole cut of the Lujiazui feeder F1 loses the
# sites hanging only on it, while F1's far end (SYN-BS-035) keeps backhaul
# through F2 (docs/network.md, "Demo").
FEEDER_SITES = ["SYN-BS-003", "SYN-BS-032", "SYN-BS-035"]
# Where new network cables must keep away from, so that the rule scenarios
# of docs/assets.md keep their findings: site A, the trench, the piling, and
# the quiet check-site point off Nanhui.
KEEP_CLEAR = [(SITE_A, 20.0), (offset(SITE_A, 400, 0), 75.0), ((121.5100, 31.2280), 80.0),
              ((121.95, 31.0), 600.0)]


def core_nodes():
    return [feature(point(p), synthetic({"id": nid, "kind": kind, "name": name, "operator": op}))
            for nid, kind, name, op, p in CORE_NODES]


def segment_distance_m(p, a, b):
    mx, my = metres_per_degree(p[1])
    px, py = (p[0] - a[0]) * mx, (p[1] - a[1]) * my
    bx, by = (b[0] - a[0]) * mx, (b[1] - a[1]) * my
    length2 = bx * bx + by * by
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, (px * bx + py * by) / length2))
    return math.hypot(px - t * bx, py - t * by), t


def nearest_on_line(p, pts):
    """(distance, point) of the polyline's point nearest p."""
    best = None
    for a, b in zip(pts, pts[1:]):
        dist, t = segment_distance_m(p, a, b)
        q = (round(a[0] + t * (b[0] - a[0]), 7), round(a[1] + t * (b[1] - a[1]), 7))
        if best is None or dist < best[0]:
            best = (dist, q)
    return best


def line_distance_m(p, pts):
    return nearest_on_line(p, pts)[0]


def network_cables(existing, sites):
    """Synthetic topology over the demo: a duct ring between the Lujiazui
    machine rooms (SYN-CB-1 is its north side), links to the data centre and
    the existing cables, a dual-homed feeder, backbones to the landing
    stations, and one spur per standing site (active or decommissioned) that
    no cable passes within 25 m of: from the nearest machine room, or from
    the nearest point of a distribution cable (then snapped, no `from`)."""
    core = {nid: p for nid, _, _, _, p in CORE_NODES}
    pos = {f["properties"]["id"]: tuple(f["geometry"]["coordinates"]) for f in sites}
    lines = {f["properties"]["id"]: [tuple(c) for c in f["geometry"]["coordinates"]] for f in existing}
    out = []

    def add(cid, op, cls, pts, frm="", to="", note=""):
        props = {"id": cid, "operator": op, "class": cls, "status": "active"}
        if frm:
            props["from"] = frm
        if to:
            props["to"] = to
        if note:
            props["note"] = note
        out.append(feature(line(pts), synthetic(props)))
        lines[cid] = pts

    mr1, mr2, mr3, dc = (core[k] for k in ("SYN-MR-LJZ-1", "SYN-MR-LJZ-2", "SYN-MR-LJZ-3", "SYN-DC-HP-1"))
    add("SYN-RG-2", "China Telecom", "duct", [mr2, (121.5150, 31.2335), mr3],
        "SYN-MR-LJZ-2", "SYN-MR-LJZ-3", "Lujiazui ring, east-south side")
    add("SYN-RG-3", "China Telecom", "duct", [mr3, (121.4985, 31.2345), mr1],
        "SYN-MR-LJZ-3", "SYN-MR-LJZ-1", "Lujiazui ring, south-west side")
    add("SYN-DT-DC-1", "China Unicom", "duct", [dc, (121.4960, 31.2282), mr3],
        "SYN-DC-HP-1", "SYN-MR-LJZ-3", "data centre to the ring (river tunnel)")
    cb5 = lines["SYN-CB-5"]
    add("SYN-DT-PX-1", "China Unicom", "duct", [nearest_on_line(lines["SYN-CB-4"][0], cb5)[1],
                                                 lines["SYN-CB-4"][0]],
        note="Puxi duct: SYN-CB-5 to the river crossing SYN-CB-4 (both ends snapped)")
    cb3 = lines["SYN-CB-3"]
    add("SYN-DT-LJZ-N", "China Telecom", "duct", [mr1, nearest_on_line(mr1, cb3)[1]],
        "SYN-MR-LJZ-1", note="north duct to the aerial SYN-CB-3 (end snapped)")
    cb2 = lines["SYN-CB-2"]
    add("SYN-DT-LJZ-S", "China Mobile", "duct", [mr3, nearest_on_line(mr3, cb2)[1]],
        "SYN-MR-LJZ-3", note="south duct to the buried SYN-CB-2 (end snapped)")
    f1 = [mr2] + [pos[s] for s in FEEDER_SITES]
    add("SYN-DT-LJZ-F1", "China Telecom", "duct", f1, "SYN-MR-LJZ-2", FEEDER_SITES[-1],
        "feeder through SYN-BS-003 and -032 to -035")
    end = pos[FEEDER_SITES[-1]]
    add("SYN-DT-LJZ-F2", "China Telecom", "duct", [nearest_on_line(end, cb3)[1], end], "",
        FEEDER_SITES[-1], "second path of SYN-BS-035, from the aerial SYN-CB-3 (start snapped)")
    # SYN-BS-004 hangs on the feeder 60 m past SYN-BS-003 (a junction; a spur
    # ending on the site itself would make it an end and not a point on F1).
    a, b = pos["SYN-BS-003"], pos["SYN-BS-032"]
    t = 60.0 / distance_m(a, b)
    tap = (round(a[0] + t * (b[0] - a[0]), 7), round(a[1] + t * (b[1] - a[1]), 7))
    add("SYN-SP-BS-004", "China Tower", "duct", [tap, pos["SYN-BS-004"]], "", "SYN-BS-004",
        "spur from the feeder SYN-DT-LJZ-F1 (start snapped)")
    ls_cm, ls_nh, ls_lg = core["SYN-LS-CM"], core["SYN-LS-NH"], core["SYN-LS-LG"]
    add("SYN-BB-CM", "China Telecom", "duct", [ls_cm, (121.7500, 31.4000), (121.6000, 31.3000), mr2],
        "SYN-LS-CM", "SYN-MR-LJZ-2", "backbone from the Chongming landing station")
    add("SYN-BB-NH", "China Unicom", "duct", [ls_nh, (121.9000, 30.9850), (121.7000, 31.1000),
                                              (121.5500, 31.2000), mr3],
        "SYN-LS-NH", "SYN-MR-LJZ-3", "backbone from the Nanhui landing station")
    add("SYN-BB-LG", "China Mobile", "buried", [ls_lg, (121.9400, 30.9400), ls_nh],
        "SYN-LS-LG", "SYN-LS-NH", "coastal link Lingang - Nanhui")

    distribution = ["SYN-CB-2", "SYN-CB-3", "SYN-CB-5"]
    served = set(FEEDER_SITES) | {"SYN-BS-004"}
    for f in sites:
        sid = f["properties"]["id"]
        if sid in served or f["properties"]["status"] not in ("active", "decommissioned"):
            continue
        p = pos[sid]
        if min(line_distance_m(p, pts) for pts in lines.values()) <= 25.0:
            continue  # a cable passes by: the builder attaches it
        options = [(distance_m(p, core[m]), 0, m, core[m]) for m in
                   ("SYN-MR-LJZ-1", "SYN-MR-LJZ-2", "SYN-MR-LJZ-3", "SYN-DC-HP-1")]
        for cid in distribution:
            dist, q = nearest_on_line(p, lines[cid])
            options.append((dist, 1, cid, q))
        for dist, kind, via, start in sorted(options):
            spur = [start, p]
            # A start snapped onto a line must not find a site first.
            crowded = kind == 1 and any(distance_m(start, q) < 35.0 for o, q in pos.items() if o != sid)
            if not crowded and all(line_distance_m(c, spur) >= r for c, r in KEEP_CLEAR):
                break
        else:
            # No spur keeps clear (SYN-BS-052 beside the piling): left without
            # cable; the builder reports it if it is in service.
            assert f["properties"]["status"] != "active", "no clear spur for " + sid
            continue
        add("SYN-SP-" + sid[4:], f["properties"]["operator"], "duct", spur,
            via if kind == 0 else "", sid, "spur from " + via)
    return out


def check_network(layers):
    new = [f for f in layers["cables"]["features"] if not f["properties"]["id"].startswith(("SYN-CB-", "SYN-SUB-"))]
    for f in new:
        pts = [tuple(c) for c in f["geometry"]["coordinates"]]
        for c, r in KEEP_CLEAR:
            assert line_distance_m(c, pts) >= r, (f["properties"]["id"], c)
    ids = {f["properties"]["id"] for f in layers["core_nodes"]["features"]} | \
          {f["properties"]["id"] for f in layers["base_stations"]["features"]}
    for f in layers["cables"]["features"]:
        for end in ("from", "to"):
            assert f["properties"].get(end, "") in ids | {""}, (f["properties"]["id"], end)


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
    sites = base_stations(rng)
    existing = cables(rng)
    layers = {
        "base_stations": collection("base_stations", sites),
        "cables": collection("cables", existing + network_cables(existing, sites)),
        "works": collection("works", works()),
        "public_places": collection("public_places", public_places(args.shared_data)),
        "interference_sources": collection("interference_sources", interference_sources(rng)),
        "coverage_targets": collection("coverage_targets", coverage_targets(rng)),
        "public_facilities": collection("public_facilities",
                                        public_facilities(args.shared_data) + synthetic_facilities(rng)),
        "core_nodes": collection("core_nodes", core_nodes()),
    }
    check_scenarios(layers)
    check_network(layers)
    os.makedirs(args.out, exist_ok=True)
    for name, fc in layers.items():
        with open(os.path.join(args.out, name + ".geojson"), "w", encoding="utf-8") as f:
            json.dump(fc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("%-22s %4d features" % (name, len(fc["features"])), file=sys.stderr)


if __name__ == "__main__":
    main()
