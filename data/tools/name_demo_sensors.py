#!/usr/bin/env python3
"""Names the synthetic demo sensors (data/demo/sensors.csv) after where they stand.

Each sensor is named after the nearest named OpenStreetMap street in
data/demo/roads.geojson (metro lines, ferries and tunnels left out) within
150 m, plus what it measures; one in the river (a ferry route within 50 m)
is named after the Huangpu; the others keep their code. Run from the
repository root; rewrites the name column in place.
"""
import csv, io, json, math, re, sys

MAX_M = 150.0
WHAT = {'air_quality': '空气监测', 'noise': '噪声监测', 'traffic_count': '车流计数',
        'water_level': '水位', 'manhole_cover': '井盖', 'base_station_load': '基站负载',
        'cable_temperature': '电缆温度', 'cable_strain': '电缆应变'}
NOT_A_STREET = re.compile(r'轨道交通|线$|隧道|地道| - ')


def lines(geometry):
    if geometry['type'] == 'LineString':
        yield geometry['coordinates']
    elif geometry['type'] == 'MultiLineString':
        yield from geometry['coordinates']


def metres(p, a, b):
    kx, ky = math.cos(math.radians(31.24)) * 111320.0, 110540.0
    px, py, ax, ay, bx, by = p[0] * kx, p[1] * ky, a[0] * kx, a[1] * ky, b[0] * kx, b[1] * ky
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    t = 0.0 if l2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / l2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def nearest(p, ways):
    return min(((min(metres(p, a, b) for a, b in zip(l, l[1:])), n) for n, l in ways),
               default=(math.inf, ''))


def main():
    roads = json.load(open('data/demo/roads.geojson', encoding='utf-8'))
    streets, ferries = [], []
    for f in roads['features']:
        name = f['properties'].get('name')
        if not name:
            continue
        for l in lines(f['geometry']):
            if f['properties'].get('kind') == 'ferry' or ' - ' in name or name.endswith('线'):
                ferries.append((name, l))
            elif not NOT_A_STREET.search(name):
                streets.append((name, l))
    path = 'data/demo/sensors.csv'
    text = open(path, encoding='utf-8').read().splitlines(True)
    out, used = [], {}
    for line in text:
        if line.startswith('#') or line.startswith('id,'):
            out.append(line)
            continue
        row = next(csv.reader(io.StringIO(line)))
        p = (float(row[2]), float(row[3]))
        d, street = nearest(p, streets)
        if d <= MAX_M:
            name = f'{street} {WHAT[row[1]]}'
        elif nearest(p, ferries)[0] <= 50.0:
            name = f'黄浦江 {WHAT[row[1]]}'
        else:
            name = row[0].upper()
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name += f' {used[name]}'
        row[-1] = name
        out.append(','.join(row) + '\n')
    open(path, 'w', encoding='utf-8').write(''.join(out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
