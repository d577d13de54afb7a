<?xml version="1.0" encoding="UTF-8"?>
<!-- made for citytwin tests -->
<CityModel xmlns="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0">

<cityObjectMember>
<bldg:Building gml:id="LOCAL_1">
<bldg:boundedBy>
<bldg:GroundSurface gml:id="L1_ground">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_g">
<gml:exterior>
<gml:LinearRing>
<gml:posList>0.000 0.000 0.000 0.000 8.000 0.000 10.000 8.000 0.000 10.000 0.000 0.000 0.000 0.000 0.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:GroundSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="L1_roof">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_r">
<gml:exterior>
<gml:LinearRing>
<gml:posList>0.000 0.000 6.000 10.000 0.000 6.000 10.000 8.000 6.000 0.000 8.000 6.000 0.000 0.000 6.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="L1_wall0">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_w0">
<gml:exterior>
<gml:LinearRing>
<gml:posList>0.000 0.000 0.000 10.000 0.000 0.000 10.000 0.000 6.000 0.000 0.000 6.000 0.000 0.000 0.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="L1_wall1">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_w1">
<gml:exterior>
<gml:LinearRing>
<gml:posList>10.000 0.000 0.000 10.000 8.000 0.000 10.000 8.000 6.000 10.000 0.000 6.000 10.000 0.000 0.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="L1_wall2">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_w2">
<gml:exterior>
<gml:LinearRing>
<gml:posList>10.000 8.000 0.000 0.000 8.000 0.000 0.000 8.000 6.000 10.000 8.000 6.000 10.000 8.000 0.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="L1_wall3">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_w3">
<gml:exterior>
<gml:LinearRing>
<gml:posList>0.000 8.000 0.000 0.000 0.000 0.000 0.000 0.000 6.000 0.000 8.000 6.000 0.000 8.000 0.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:ClosureSurface gml:id="L1_closure">
<bldg:lod2MultiSurface>
<gml:MultiSurface>
<gml:surfaceMember>
<gml:Polygon gml:id="L1_c">
<gml:exterior>
<gml:LinearRing>
<gml:posList>0.000 0.000 3.000 10.000 0.000 3.000 10.000 8.000 3.000 0.000 8.000 3.000 0.000 0.000 3.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:ClosureSurface>
</bldg:boundedBy>
</bldg:Building>
</cityObjectMember>
</CityModel>
