<?xml version="1.0" encoding="UTF-8"?>
<!-- made for citytwin tests -->
<CityModel xmlns="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0">
<gml:boundedBy>
<gml:Envelope srsName="urn:ogc:def:crs:EPSG::4549" srsDimension="3">
<gml:lowerCorner>641005.800 3457973.610 4.000</gml:lowerCorner>
<gml:upperCorner>642045.800 3458493.610 28.500</gml:upperCorner>
</gml:Envelope>
</gml:boundedBy>
<cityObjectMember>
<bldg:Building gml:id="SH_B1">
<gml:name>Bund tower</gml:name>
<gen:stringAttribute name="district">
<gen:value>Huangpu</gen:value>
</gen:stringAttribute>
<gen:intAttribute name="floors">
<gen:value>8</gen:value>
</gen:intAttribute>
<bldg:function>1010</bldg:function>
<bldg:measuredHeight uom="m">24.5</bldg:measuredHeight>
<bldg:lod1Solid>
<gml:Solid>
<gml:exterior>
<gml:CompositeSurface>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>641005.800 3457973.610 4.000 641005.800 3458003.610 4.000 641025.800 3458003.610 4.000 641025.800 3457973.610 4.000 641005.800 3457973.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>641005.800 3457973.610 28.500 641025.800 3457973.610 28.500 641025.800 3458003.610 28.500 641005.800 3458003.610 28.500 641005.800 3457973.610 28.500</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>641005.800 3457973.610 4.000 641025.800 3457973.610 4.000 641025.800 3457973.610 28.500 641005.800 3457973.610 28.500 641005.800 3457973.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>641025.800 3457973.610 4.000 641025.800 3458003.610 4.000 641025.800 3458003.610 28.500 641025.800 3457973.610 28.500 641025.800 3457973.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>641025.800 3458003.610 4.000 641005.800 3458003.610 4.000 641005.800 3458003.610 28.500 641025.800 3458003.610 28.500 641025.800 3458003.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>641005.800 3458003.610 4.000 641005.800 3457973.610 4.000 641005.800 3457973.610 28.500 641005.800 3458003.610 28.500 641005.800 3458003.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:CompositeSurface>
</gml:exterior>
</gml:Solid>
</bldg:lod1Solid>
</bldg:Building>
</cityObjectMember>
<cityObjectMember>
<bldg:Building gml:id="SH_B2">
<gml:name>Riverside hall</gml:name>
<bldg:function>2050</bldg:function>
<bldg:measuredHeight uom="m">12</bldg:measuredHeight>
<bldg:lod1Solid>
<gml:Solid>
<gml:exterior>
<gml:CompositeSurface>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458473.610 4.000 642005.800 3458493.610 4.000 642045.800 3458493.610 4.000 642045.800 3458473.610 4.000 642005.800 3458473.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458473.610 16.000 642045.800 3458473.610 16.000 642045.800 3458493.610 16.000 642005.800 3458493.610 16.000 642005.800 3458473.610 16.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458473.610 4.000 642045.800 3458473.610 4.000 642045.800 3458473.610 16.000 642005.800 3458473.610 16.000 642005.800 3458473.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>642045.800 3458473.610 4.000 642045.800 3458493.610 4.000 642045.800 3458493.610 16.000 642045.800 3458473.610 16.000 642045.800 3458473.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>642045.800 3458493.610 4.000 642005.800 3458493.610 4.000 642005.800 3458493.610 16.000 642045.800 3458493.610 16.000 642045.800 3458493.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458493.610 4.000 642005.800 3458473.610 4.000 642005.800 3458473.610 16.000 642005.800 3458493.610 16.000 642005.800 3458493.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:CompositeSurface>
</gml:exterior>
</gml:Solid>
</bldg:lod1Solid>
<bldg:boundedBy>
<bldg:GroundSurface gml:id="SH_B2_ground">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="SH_B2_g">
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458473.610 4.000 642005.800 3458493.610 4.000 642045.800 3458493.610 4.000 642045.800 3458473.610 4.000 642005.800 3458473.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:GroundSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="SH_B2_roof">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="SH_B2_r">
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458473.610 16.000 642045.800 3458473.610 16.000 642045.800 3458493.610 16.000 642005.800 3458493.610 16.000 642005.800 3458473.610 16.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="SH_B2_wall0">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="SH_B2_w0">
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458473.610 4.000 642045.800 3458473.610 4.000 642045.800 3458473.610 16.000 642005.800 3458473.610 16.000 642005.800 3458473.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="SH_B2_wall1">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="SH_B2_w1">
<gml:exterior>
<gml:LinearRing>
<gml:posList>642045.800 3458473.610 4.000 642045.800 3458493.610 4.000 642045.800 3458493.610 16.000 642045.800 3458473.610 16.000 642045.800 3458473.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="SH_B2_wall2">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="SH_B2_w2">
<gml:exterior>
<gml:LinearRing>
<gml:posList>642045.800 3458493.610 4.000 642005.800 3458493.610 4.000 642005.800 3458493.610 16.000 642045.800 3458493.610 16.000 642045.800 3458493.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="SH_B2_wall3">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="SH_B2_w3">
<gml:exterior>
<gml:LinearRing>
<gml:posList>642005.800 3458493.610 4.000 642005.800 3458473.610 4.000 642005.800 3458473.610 16.000 642005.800 3458493.610 16.000 642005.800 3458493.610 4.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
</bldg:Building>
</cityObjectMember>
</CityModel>
