<?xml version="1.0" encoding="UTF-8"?>
<!-- made for citytwin tests -->
<CityModel xmlns="http://www.opengis.net/citygml/1.0" xmlns:gml="http://www.opengis.net/gml" xmlns:bldg="http://www.opengis.net/citygml/building/1.0" xmlns:gen="http://www.opengis.net/citygml/generics/1.0">
<gml:boundedBy>
<gml:Envelope srsName="EPSG:31468" srsDimension="3">
<gml:lowerCorner>4468475.474 5333305.224 519.000</gml:lowerCorner>
<gml:upperCorner>4468490.474 5333315.224 528.000</gml:upperCorner>
</gml:Envelope>
</gml:boundedBy>
<cityObjectMember>
<bldg:Building gml:id="MUC_1">
<bldg:measuredHeight uom="m">9</bldg:measuredHeight>
<bldg:lod1Solid>
<gml:Solid>
<gml:exterior>
<gml:CompositeSurface>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>4468475.474 5333305.224 519.000 4468475.474 5333315.224 519.000 4468490.474 5333315.224 519.000 4468490.474 5333305.224 519.000 4468475.474 5333305.224 519.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>4468475.474 5333305.224 528.000 4468490.474 5333305.224 528.000 4468490.474 5333315.224 528.000 4468475.474 5333315.224 528.000 4468475.474 5333305.224 528.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>4468475.474 5333305.224 519.000 4468490.474 5333305.224 519.000 4468490.474 5333305.224 528.000 4468475.474 5333305.224 528.000 4468475.474 5333305.224 519.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>4468490.474 5333305.224 519.000 4468490.474 5333315.224 519.000 4468490.474 5333315.224 528.000 4468490.474 5333305.224 528.000 4468490.474 5333305.224 519.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>4468490.474 5333315.224 519.000 4468475.474 5333315.224 519.000 4468475.474 5333315.224 528.000 4468490.474 5333315.224 528.000 4468490.474 5333315.224 519.000</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
<gml:surfaceMember>
<gml:Polygon>
<gml:exterior>
<gml:LinearRing>
<gml:posList>4468475.474 5333315.224 519.000 4468475.474 5333305.224 519.000 4468475.474 5333305.224 528.000 4468475.474 5333315.224 528.000 4468475.474 5333315.224 519.000</gml:posList>
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
</CityModel>
