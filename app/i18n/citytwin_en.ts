<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Inspection</name>
        <message>
            <source>advice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>violation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write the map snapshot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write the PDF</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Layers</name>
        <message>
            <source>Land use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Water</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Candidate public facilities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Communication cables (synthetic)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base stations (synthetic)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Works areas (synthetic)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protection zones</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>none — choose the source CRS below</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SceneLoader</name>
        <message>
            <source>Reading %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app</name>
        <message>
            <source>--record needs the ffmpeg program, which is not on PATH or not at $CITYTWIN_FFMPEG (Debian: apt-get install ffmpeg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--record: no frame between --from and --to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--record: the view could not be rendered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot start: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--record: frame %1 has another size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ffmpeg stopped: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ffmpeg did not finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ffmpeg failed (%1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>out of service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no backhaul: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shanghai time, UTC+8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Affected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Affected sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No site lost service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lost at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not within the scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map at key times</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Articles cited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No rule was cited.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(not in the rule set)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256 of the canonical log:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>seed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write the map snapshot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write the PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cable down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cable repaired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site out of service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site back in service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site on battery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backhaul lost</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backhaul restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage lost</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protection zone entered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protection zone left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anchoring in a submarine zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interference ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Typhoon exposure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor fault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor reading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vector data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3D models and tilesets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DEMs and orthophotos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor positions (CSV with coordinates)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CityGML city models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All supported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::AlertPanel</name>
        <message>
            <source>%1 above limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 below limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 changing too fast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>silent too long</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 by %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n alert(s) in the period</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>%1 active at the scene time, %2 not acknowledged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Raised</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cleared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acknowledged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acknowledge selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record that you have seen the selected alerts</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::AttributePanel</name>
        <message>
            <source>Attribute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>feature id</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::AuditDialog</name>
        <message>
            <source>Audit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run audit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit date</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::AuditPanel</name>
        <message>
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Days overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No audit run yet (Inspect → Audit…).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Audit at %1: %n finding(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Article</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::LightingMenu</name>
        <message>
            <source>&amp;Lighting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sun at the scene time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light the city from where the sun stands in Shanghai at the timeline&apos;s date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Fixed pleasant light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A bright morning light, whatever the time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Night style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A dark city under a night sky</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::CoordinateStatus</name>
        <message>
            <source>WGS 84: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GCJ-02: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>height: %1 m</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::FindingsPanel</name>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>%1 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The check could not run: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use Inspect → Check site or Check works area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Host type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(unknown: stand-alone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule / layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Article / id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message / distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear findings</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::ImportDialog</name>
        <message>
            <source>Import into project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>detecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Declared CRS:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As declared by the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WGS 84 (GPS, OpenStreetMap)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 geographic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 / 3-degree Gauss-Kruger CM 120E</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 / 3-degree Gauss-Kruger CM 123E</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 / 3-degree Gauss-Kruger zone 40</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Web Mercator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GCJ-02 (AMap, Tencent maps)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>BD-09 (Baidu maps)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a CRS, or type an EPSG code, WKT or PROJ string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source CRS:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Project GeoPackage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Project:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic (.cpg or UTF-8)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GBK (Chinese Windows)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text encoding:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repair (MakeValid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip the feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fail the import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid geometries:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refuse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Append to it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If the layer exists:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source CRS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give a project file and a layer name.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::InspectionProject</name>
        <message>
            <source>No inspection project is chosen (Inspect → Inspection project…).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot open</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::InspectionProjectDialog</name>
        <message>
            <source>Inspection project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the shipped Shanghai rules (shanghai-2023)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asset project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoPackage (*.gpkg);;Vector data (*.gpkg *.sqlite *.shp *.geojson);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules (*.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no such file</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::InspectionTools</name>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check &amp;site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a proposed base-station site to check it against the rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check &amp;works area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw a works area to check it against the cable protection rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Audit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inspection &amp;project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inspection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Opened %1 (%n data problem(s); see the log)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the site…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the works area…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auditing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Works check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centre of the works area:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Export report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run a check or an audit first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTML report, with PDF and JSON beside it (*.html)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no check or audit to report.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrote %1, %2 and %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The inspection project is not open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report coordinate system: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::LayerTreePanel</name>
        <message>
            <source>Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CRS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 MB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zoom to layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opacity: %1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Style…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Properties…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::LogPanel</name>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::MainWindow</name>
        <message>
            <source>Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Some features of %1 were skipped; see the log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>citytwin — Shanghai information infrastructure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save &amp;screenshot…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Home view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;North up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lujiazui</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The Bund</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top-down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About citytwin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the demo data was not found (set CITYTWIN_DATA_DIR)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still loading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait for the current load to finish.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save screenshot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PNG image (*.png);;JPEG image (*.jpg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About citytwin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;citytwin %1&lt;/h3&gt;&lt;p&gt;A 3D digital twin of Shanghai's information infrastructure.&lt;/p&gt;&lt;p&gt;Map data © OpenStreetMap contributors, available under the Open Database Licence (ODbL 1.0): buildings, roads, water, land use and candidate public facility sites of central Shanghai.&lt;/p&gt;&lt;p&gt;The demo's base stations and communication cables are &lt;b&gt;synthetic&lt;/b&gt; stand-ins, not real infrastructure.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import into project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a vector file into a project GeoPackage, converting its CRS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import vector data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import cancelled; the project is unchanged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alerts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a GeoPackage, Shapefile, GeoJSON or other GDAL vector file, a DEM or an orthophoto</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;URL…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a 3D Tiles tileset.json from an http:// or https:// server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;DEMs and orthophotos (*.tif *.tiff *.vrt *.img *.jp2);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3D Tiles tileset URL (http:// or https://):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only http:// and https:// URLs can be opened: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading tiles: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open vector data (GeoPackage, Shapefile, GeoJSON, CSV points, OSM...), 3D Tiles, OSGB, glTF or CityGML models, a DEM or an orthophoto</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fly back to the city (Home or H)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zoom to new layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fly to every layer opened or imported, so that it is in view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reset layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore the default window size and docks for this screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layout reset to the defaults</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 no longer exists; removed from the recent files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed layer %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has nothing to zoom to yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 lies %2 km from the other layers, at %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::MapPointTool</name>
        <message>
            <source>Click the proposed site in the view (Esc cancels).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click the corners of the works area; double click or Enter closes it, Esc or a right click cancels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That is the sky; click the ground or a building.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A works area needs at least three corners.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::ModelPlacementDialog</name>
        <message>
            <source>Place model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no georeference. Where does its origin stand? (WGS 84; the view's centre is filled in.)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Longitude</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latitude</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Height above the ground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heading (clockwise from north)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::PlaybackBar</name>
        <message>
            <source>Live</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the present: show what the sensors report now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause playback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play back from the cursor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Playback speed (times real time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scene time, Shanghai (UTC+8)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click or drag to go to a time; red bands are alerts, hatched areas are gaps in the stream</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play the timeline's range over and over</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::ScenarioEventPanel</name>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Affected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Article cited</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::ScenarioSession</name>
        <message>
            <source>Opening the project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the project is not open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the scenario…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building the network…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running the scenario…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::ScenarioTools</name>
        <message>
            <source>&amp;Scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a scenario (JSON) and play it over the project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the incident report (HTML and PDF) of the open scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What-if</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenarios (*.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening scenario %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The scenario could not be opened; see the log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario %1: %2 log entries in %3 ms, sha256 %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export incident report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTML and PDF (*.html);;PDF only (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrote %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No scenario is open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrote the incident report %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::SensorHistoryChart</name>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per-minute mean with its min..max band, two hours before and one hour after the scene time; dashed: alert thresholds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a sensor on the map to see its history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No readings in this period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metric</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean with its min..max band around the scene time (wheel: zoom from minutes to years; raw readings, 1 min, 1 h or 1 d rollups by the span); dashed: alert thresholds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PNG...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export history as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Times in the CSV in this time zone (IANA name or +08:00):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history was not exported:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export chart as PNG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PNG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The chart was not exported:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export the history shown as CSV or the chart as PNG</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::SensorMonitor</name>
        <message>
            <source>The sensors are already running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the sensor registry:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sensor registry %1 lists no sensors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the sensor store %1:
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--mqtt: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MQTT %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alert %1 not acknowledged: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::TimelineTrack</name>
        <message>
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::WhatIfPanel</name>
        <message>
            <source>Save as scenario…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Right-click a cable or a site in the map to simulate its failure.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sites losing backhaul: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept by a redundant path: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage lost: &lt;b&gt;%1 km²&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sites: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Computed in %1 ms</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::WhatIfTool</name>
        <message>
            <source>Simulate a cut here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Simulate an outage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a cable of the network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no impact could be computed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut of %1 at %2 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a site of the network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outage of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What-if %1: %2 sites lose backhaul, %3 km² coverage lost (%4 ms)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was simulated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot write: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenarios (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::ReportHeaderDialog</name>
        <message>
            <source>Report header</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gauss-Krüger zone of the case's centre (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 / GK CM 120E (EPSG:4549)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 / GK CM 123E (EPSG:4550)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case number:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inspector:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinate system:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paper:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::WorksDialog</name>
        <message>
            <source>Works area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind of works</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The works end before they start.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::HistoryImport</name>
        <message>
            <source>The history was not imported:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import cancelled after %1 lines: the %2 readings committed so far are kept in the store.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported %1 readings from %2 lines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 readings were already stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 lines were rejected (see citytwin-cli stats).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 missing cells were skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import sensor history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the mapping:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing %1: %2 lines read, %3 readings committed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::HistoryImportDialog</name>
        <message>
            <source>Sensor history file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensor history (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV mapping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV mappings (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import sensor history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As they are (JSON Lines, or CSV with sensor and ts columns)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other mapping file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A wide CSV (split date columns, one column per sensor and metric) needs a mapping; see docs/sensors.md</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import sensor &amp;history…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import recorded sensor readings (CSV, JSON Lines) into the sensor store, with progress and Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sensors are not running: there is no sensor store to import into.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::GoToDialog</name>
        <message>
            <source>Go to coordinate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WGS 84 (GPS), degrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000, degrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CGCS2000 Gauss-Krüger, metres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GCJ-02 (Amap, Tencent), degrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>BD-09 (Baidu), degrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from the easting's prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone %1 is the view's (3-degree)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3-degree zones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>6-degree zones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>31.2397, 121.4998  or  121°29'59"E 31°14'23"N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;System:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone &amp;width:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Coordinate:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a coordinate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WGS 84: %1° E, %2° N (%3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read it: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::MeasurePanel</name>
        <message>
            <source>No measurement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::MeasureTool</name>
        <message>
            <source>Click the points to measure between; a right click, double click or Enter finishes, Esc cancels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click the corners of the area; a right click, double click or Enter finishes, Esc cancels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a building, or a point to measure its height above the ground (Esc cancels).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An area needs at least three corners.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A distance needs at least two points.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That is the sky; click the ground or a building.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::OperatorTools</name>
        <message>
            <source>&amp;Find…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find a feature of any loaded layer by id or name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measured; the result is in the Measurement panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measurement cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go to coordinate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fly to a coordinate typed in WGS 84, CGCS2000, Gauss-Krüger, GCJ-02 or BD-09, and mark it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure &amp;distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click points: distance along the ground and straight in 3D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure &amp;area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click the corners of a polygon: area and perimeter on the ground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure &amp;height</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a building for its height, or a point for its height above the ground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear measurement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measurement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot measure here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Computed in %1, on the ellipsoid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Segment %1: ground %2, straight %3, rise %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total: ground %1, straight %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Perimeter: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Corners: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Corners: %1 (click at least three)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building: %1 (layer %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Height: %1 (top %2, base %3 above the ground)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Estimated: the building has no height or levels attribute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point height above the ground: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At %1° E, %2° N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Height</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing is loaded yet: no place to go to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WGS 84: %1
Typed in %2: %3, %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Went to %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::SearchPanel</name>
        <message>
            <source>Id or name (中文 or Latin), e.g. SH-LJZ-0042</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing loaded yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Indexing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No match</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n name(s) in %1 layer(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::CsvPointsDialog</name>
        <message>
            <source>Open CSV points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinate columns found by their names; check them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No coordinate columns found by name: choose them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>X (longitude, easting):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Y (latitude, northing):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the CRS of the coordinates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CRS:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A CSV does not say which datum its coordinates use; GPS gives WGS 84, AMap and Tencent GCJ-02, Baidu BD-09.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose two different coordinate columns.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the CRS the coordinates are in; it is never guessed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::LayerPropertiesDialog</name>
        <message>
            <source>Layer properties: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CRS:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Extent (WGS 84):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Features:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Memory:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 MB</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::kiosk::KioskOverlay</name>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protection zones</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>citytwin::app::FilterErrorText</name>
        <message>
            <source>the end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&apos;%1&apos;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unclosed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an operator (use and, or)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unexpected %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nested too deeply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected &apos;)&apos; but found %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected an attribute name but found %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected an operator (= != &lt; &lt;= &gt; &gt;= ~) after &apos;%1&apos;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a comparison</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a value after &apos;%1&apos; but found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 at character %2</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
