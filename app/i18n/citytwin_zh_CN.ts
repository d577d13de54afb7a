<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Inspection</name>
        <message>
            <source>advice</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>violation</source>
            <translation>违规</translation>
        </message>
        <message>
            <source>%1: cannot write the map snapshot</source>
            <translation>%1：无法写入地图快照</translation>
        </message>
        <message>
            <source>%1: cannot write: %2</source>
            <translation>%1：无法写入：%2</translation>
        </message>
        <message>
            <source>%1: cannot write the PDF</source>
            <translation>%1：无法写入 PDF</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <source>%1 m and taller</source>
            <translation>%1 米及以上</translation>
        </message>
        <message>
            <source>%1: %2 and more</source>
            <translation>%1：%2 及以上</translation>
        </message>
        <message>
            <source>%1–%2 m</source>
            <translation>%1–%2 米</translation>
        </message>
        <message>
            <source>%1: %2–%3</source>
            <translation>%1：%2–%3</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <source>%1 m tall</source>
            <translation>高 %1 米</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>Layers</name>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Water</source>
            <translation>水系</translation>
        </message>
        <message>
            <source>Roads</source>
            <translation>道路</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>建筑</translation>
        </message>
        <message>
            <source>Candidate public facilities</source>
            <translation>候选公共设施</translation>
        </message>
        <message>
            <source>Communication cables (synthetic)</source>
            <translation>通信线路（合成）</translation>
        </message>
        <message>
            <source>Base stations (synthetic)</source>
            <translation>基站（合成）</translation>
        </message>
        <message>
            <source>Works areas (synthetic)</source>
            <translation>施工区域（合成）</translation>
        </message>
        <message>
            <source>Protection zones</source>
            <translation>保护范围</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>none — choose the source CRS below</source>
            <translation>无 — 请在下方选择源坐标系</translation>
        </message>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>%1: cannot read the registry (%2)</source>
            <translation>%1：无法读取登记表（%2）</translation>
        </message>
        <message>
            <source>%1: cannot write the registry (%2)</source>
            <translation>%1：无法写入登记表（%2）</translation>
        </message>
        <message>
            <source>%1: the new row was not read back</source>
            <translation>%1：新行未能读回</translation>
        </message>
        <message>
            <source>%1: the registry has no header row</source>
            <translation>%1：登记表没有表头行</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>SceneLoader</name>
        <message>
            <source>Reading %1</source>
            <translation>正在读取 %1</translation>
        </message>
        <message>
            <source>Building %1</source>
            <translation>正在构建 %1</translation>
        </message>
        <message>
            <source>Loading %1</source>
            <translation>正在加载 %1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app</name>
        <message>
            <source>--record needs the ffmpeg program, which is not on PATH or not at $CITYTWIN_FFMPEG (Debian: apt-get install ffmpeg)</source>
            <translation>--record 需要 ffmpeg 程序，但 PATH 中和 $CITYTWIN_FFMPEG 处都没有找到（Debian：apt-get install ffmpeg）</translation>
        </message>
        <message>
            <source>--record: no frame between --from and --to</source>
            <translation>--record：--from 与 --to 之间没有帧</translation>
        </message>
        <message>
            <source>--record: the view could not be rendered</source>
            <translation>--record：无法渲染视图</translation>
        </message>
        <message>
            <source>%1: cannot start: %2</source>
            <translation>%1：无法启动：%2</translation>
        </message>
        <message>
            <source>--record: frame %1 has another size</source>
            <translation>--record：第 %1 帧尺寸不同</translation>
        </message>
        <message>
            <source>ffmpeg stopped: %1</source>
            <translation>ffmpeg 已停止：%1</translation>
        </message>
        <message>
            <source>ffmpeg did not finish</source>
            <translation>ffmpeg 未能结束</translation>
        </message>
        <message>
            <source>ffmpeg failed (%1): %2</source>
            <translation>ffmpeg 失败（%1）：%2</translation>
        </message>
        <message>
            <source>out of service</source>
            <translation>停止服务</translation>
        </message>
        <message>
            <source>no backhaul: %1</source>
            <translation>无回传：%1</translation>
        </message>
        <message>
            <source>Incident report</source>
            <translation>事件报告</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>时段</translation>
        </message>
        <message>
            <source>Shanghai time, UTC+8</source>
            <translation>上海时间，UTC+8</translation>
        </message>
        <message>
            <source>Scenario file</source>
            <translation>场景文件</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Affected</source>
            <translation>受影响</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Affected sites</source>
            <translation>受影响站点</translation>
        </message>
        <message>
            <source>No site lost service.</source>
            <translation>没有站点中断服务。</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>运营商</translation>
        </message>
        <message>
            <source>Lost at</source>
            <translation>中断时间</translation>
        </message>
        <message>
            <source>Restored at</source>
            <translation>恢复时间</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>持续时长</translation>
        </message>
        <message>
            <source>Cause</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>not within the scenario</source>
            <translation>场景内未恢复</translation>
        </message>
        <message>
            <source>Map at key times</source>
            <translation>关键时刻地图</translation>
        </message>
        <message>
            <source>Articles cited</source>
            <translation>引用条款</translation>
        </message>
        <message>
            <source>No rule was cited.</source>
            <translation>未引用任何条款。</translation>
        </message>
        <message>
            <source>(not in the rule set)</source>
            <translation>（不在规则集中）</translation>
        </message>
        <message>
            <source>Event log</source>
            <translation>事件日志</translation>
        </message>
        <message>
            <source>SHA-256 of the canonical log:</source>
            <translation>规范日志的 SHA-256：</translation>
        </message>
        <message>
            <source>Entries</source>
            <translation>条目数</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>%1: cannot write the map snapshot</source>
            <translation>%1：无法写入地图快照</translation>
        </message>
        <message>
            <source>%1: cannot write: %2</source>
            <translation>%1：无法写入：%2</translation>
        </message>
        <message>
            <source>%1: cannot write the PDF</source>
            <translation>%1：无法写入 PDF</translation>
        </message>
        <message>
            <source>Scenario start</source>
            <translation>场景开始</translation>
        </message>
        <message>
            <source>Cable down</source>
            <translation>光缆中断</translation>
        </message>
        <message>
            <source>Cable repaired</source>
            <translation>光缆修复</translation>
        </message>
        <message>
            <source>Site out of service</source>
            <translation>站点停运</translation>
        </message>
        <message>
            <source>Site back in service</source>
            <translation>站点恢复运行</translation>
        </message>
        <message>
            <source>Site on battery</source>
            <translation>站点转蓄电池供电</translation>
        </message>
        <message>
            <source>Backhaul lost</source>
            <translation>回传中断</translation>
        </message>
        <message>
            <source>Backhaul restored</source>
            <translation>回传恢复</translation>
        </message>
        <message>
            <source>Coverage lost</source>
            <translation>覆盖丢失</translation>
        </message>
        <message>
            <source>Coverage restored</source>
            <translation>覆盖恢复</translation>
        </message>
        <message>
            <source>Protection zone entered</source>
            <translation>进入保护区</translation>
        </message>
        <message>
            <source>Protection zone left</source>
            <translation>离开保护区</translation>
        </message>
        <message>
            <source>Anchoring in a submarine zone</source>
            <translation>在海缆保护区内锚泊</translation>
        </message>
        <message>
            <source>Interference</source>
            <translation>干扰</translation>
        </message>
        <message>
            <source>Interference ended</source>
            <translation>干扰结束</translation>
        </message>
        <message>
            <source>Typhoon exposure</source>
            <translation>台风影响</translation>
        </message>
        <message>
            <source>Sensor fault</source>
            <translation>传感器故障</translation>
        </message>
        <message>
            <source>Sensor restored</source>
            <translation>传感器恢复</translation>
        </message>
        <message>
            <source>Sensor reading</source>
            <translation>传感器读数</translation>
        </message>
        <message>
            <source>Scenario end</source>
            <translation>场景结束</translation>
        </message>
        <message>
            <source>Vector data</source>
            <translation>矢量数据</translation>
        </message>
        <message>
            <source>3D models and tilesets</source>
            <translation>三维模型与瓦片集</translation>
        </message>
        <message>
            <source>DEMs and orthophotos</source>
            <translation>DEM 与正射影像</translation>
        </message>
        <message>
            <source>Sensor positions (CSV with coordinates)</source>
            <translation>传感器位置（带坐标的 CSV）</translation>
        </message>
        <message>
            <source>CityGML city models</source>
            <translation>CityGML 城市模型</translation>
        </message>
        <message>
            <source>All supported</source>
            <translation>所有支持的格式</translation>
        </message>
        <message>
            <source>All files</source>
            <translation>所有文件</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::AlertPanel</name>
        <message>
            <source>%1 above limit</source>
            <translation>%1 超过上限</translation>
        </message>
        <message>
            <source>%1 below limit</source>
            <translation>%1 低于下限</translation>
        </message>
        <message>
            <source>%1 changing too fast</source>
            <translation>%1 变化过快</translation>
        </message>
        <message>
            <source>silent too long</source>
            <translation>长时间无数据</translation>
        </message>
        <message>
            <source>active</source>
            <translation>未解除</translation>
        </message>
        <message>
            <source>%1 by %2</source>
            <translation>%1，%2 确认</translation>
        </message>
        <message numerus="yes">
            <source>%n alert(s) in the period</source>
            <translation>
                <numerusform>本时段 %n 条告警</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 active at the scene time, %2 not acknowledged</source>
            <translation>场景时刻有效 %1 条，未确认 %2 条</translation>
        </message>
        <message>
            <source>Raised</source>
            <translation>告警时间</translation>
        </message>
        <message>
            <source>Sensor</source>
            <translation>传感器</translation>
        </message>
        <message>
            <source>Alert</source>
            <translation>告警</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>Cleared</source>
            <translation>解除时间</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>Acknowledge selected</source>
            <translation>确认所选告警</translation>
        </message>
        <message>
            <source>Record that you have seen the selected alerts</source>
            <translation>记录您已看到所选告警</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::AttributePanel</name>
        <message>
            <source>Attribute</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>feature id</source>
            <translation>要素编号</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::AuditDialog</name>
        <message>
            <source>Audit</source>
            <translation>合规审查</translation>
        </message>
        <message>
            <source>Run audit</source>
            <translation>执行合规审查</translation>
        </message>
        <message>
            <source>Audit date</source>
            <translation>审查日期</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::AuditPanel</name>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>Asset</source>
            <translation>设施</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>No audit run yet (Inspect → Audit…).</source>
            <translation>尚未执行合规审查（检查 → 合规审查…）。</translation>
        </message>
        <message numerus="yes">
            <source>Audit at %1: %n finding(s)</source>
            <translation>
                <numerusform>%1 合规审查：%n 项结果</numerusform>
            </translation>
        </message>
        <message>
            <source>Article</source>
            <translation>条款</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LightingMenu</name>
        <message>
            <source>&amp;Lighting</source>
            <translation>照明(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Sun at the scene time</source>
            <translation>按场景时间的太阳(&amp;S)</translation>
        </message>
        <message>
            <source>Light the city from where the sun stands in Shanghai at the timeline&apos;s date and time</source>
            <translation>按时间轴的日期和时间，从太阳在上海所处的位置照亮城市</translation>
        </message>
        <message>
            <source>&amp;Fixed pleasant light</source>
            <translation>固定的舒适光照(&amp;F)</translation>
        </message>
        <message>
            <source>A bright morning light, whatever the time</source>
            <translation>无论何时都使用明亮的上午光照</translation>
        </message>
        <message>
            <source>&amp;Night style</source>
            <translation>夜景样式(&amp;N)</translation>
        </message>
        <message>
            <source>A dark city under a night sky</source>
            <translation>夜空下的暗色城市</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::CoordinateStatus</name>
        <message>
            <source>WGS 84: %1</source>
            <translation>WGS 84：%1</translation>
        </message>
        <message>
            <source>CGCS2000: %1</source>
            <translation>CGCS2000：%1</translation>
        </message>
        <message>
            <source>GCJ-02: %1</source>
            <translation>GCJ-02：%1</translation>
        </message>
        <message>
            <source>height: %1 m</source>
            <translation>高度：%1 米</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::FindingsPanel</name>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation>
                <numerusform>%n 项核查结果</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 m</source>
            <translation>%1 米</translation>
        </message>
        <message>
            <source>The check could not run: %1</source>
            <translation>核查无法执行：%1</translation>
        </message>
        <message>
            <source>Use Inspect → Check site or Check works area.</source>
            <translation>请使用“检查 → 核查站址”或“核查施工区域”。</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>运营单位</translation>
        </message>
        <message>
            <source>Host type</source>
            <translation>载体类型</translation>
        </message>
        <message>
            <source>(unknown: stand-alone)</source>
            <translation>（未知，按独立站址核查）</translation>
        </message>
        <message>
            <source>Rule / layer</source>
            <translation>规则 / 图层</translation>
        </message>
        <message>
            <source>Article / id</source>
            <translation>条款 / 编号</translation>
        </message>
        <message>
            <source>Message / distance</source>
            <translation>说明 / 距离</translation>
        </message>
        <message>
            <source>Clear findings</source>
            <translation>清除结果</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ImportDialog</name>
        <message>
            <source>Import into project</source>
            <translation>导入到项目</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>源文件：</translation>
        </message>
        <message>
            <source>detecting…</source>
            <translation>正在检测…</translation>
        </message>
        <message>
            <source>Declared CRS:</source>
            <translation>声明的坐标系：</translation>
        </message>
        <message>
            <source>As declared by the file</source>
            <translation>按文件声明</translation>
        </message>
        <message>
            <source>WGS 84 (GPS, OpenStreetMap)</source>
            <translation>WGS 84（GPS、OpenStreetMap）</translation>
        </message>
        <message>
            <source>CGCS2000 geographic</source>
            <translation>CGCS2000 地理坐标</translation>
        </message>
        <message>
            <source>CGCS2000 / 3-degree Gauss-Kruger CM 120E</source>
            <translation>CGCS2000 / 3 度带高斯-克吕格 中央经线 120°E</translation>
        </message>
        <message>
            <source>CGCS2000 / 3-degree Gauss-Kruger CM 123E</source>
            <translation>CGCS2000 / 3 度带高斯-克吕格 中央经线 123°E</translation>
        </message>
        <message>
            <source>CGCS2000 / 3-degree Gauss-Kruger zone 40</source>
            <translation>CGCS2000 / 3 度带高斯-克吕格 第 40 带</translation>
        </message>
        <message>
            <source>Web Mercator</source>
            <translation>Web 墨卡托</translation>
        </message>
        <message>
            <source>GCJ-02 (AMap, Tencent maps)</source>
            <translation>GCJ-02（高德、腾讯地图）</translation>
        </message>
        <message>
            <source>BD-09 (Baidu maps)</source>
            <translation>BD-09（百度地图）</translation>
        </message>
        <message>
            <source>Choose a CRS, or type an EPSG code, WKT or PROJ string</source>
            <translation>选择坐标系，或输入 EPSG 代码、WKT 或 PROJ 字符串</translation>
        </message>
        <message>
            <source>Source CRS:</source>
            <translation>源坐标系：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Project GeoPackage</source>
            <translation>项目 GeoPackage</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <source>Project:</source>
            <translation>项目：</translation>
        </message>
        <message>
            <source>Layer name:</source>
            <translation>图层名：</translation>
        </message>
        <message>
            <source>Automatic (.cpg or UTF-8)</source>
            <translation>自动（.cpg 或 UTF-8）</translation>
        </message>
        <message>
            <source>GBK (Chinese Windows)</source>
            <translation>GBK（中文 Windows）</translation>
        </message>
        <message>
            <source>Text encoding:</source>
            <translation>文本编码：</translation>
        </message>
        <message>
            <source>Repair (MakeValid)</source>
            <translation>修复（MakeValid）</translation>
        </message>
        <message>
            <source>Skip the feature</source>
            <translation>跳过该要素</translation>
        </message>
        <message>
            <source>Fail the import</source>
            <translation>中止导入</translation>
        </message>
        <message>
            <source>Invalid geometries:</source>
            <translation>无效几何：</translation>
        </message>
        <message>
            <source>Refuse</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>Replace it</source>
            <translation>替换</translation>
        </message>
        <message>
            <source>Append to it</source>
            <translation>追加</translation>
        </message>
        <message>
            <source>If the layer exists:</source>
            <translation>图层已存在时：</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Source CRS</source>
            <translation>源坐标系</translation>
        </message>
        <message>
            <source>Give a project file and a layer name.</source>
            <translation>请指定项目文件和图层名。</translation>
        </message>
        <message>
            <source>A project GeoPackage (created if missing), or a PostGIS database shared with other workstations: PG:host=… dbname=… user=… or postgresql://user@host/db</source>
            <translation>项目 GeoPackage（不存在则创建），或与其他工作站共享的 PostGIS 数据库：PG:host=… dbname=… user=… 或 postgresql://user@host/db</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::InspectionProject</name>
        <message>
            <source>No inspection project is chosen (Inspect → Inspection project…).</source>
            <translation>未选择核查项目（检查 → 核查项目…）。</translation>
        </message>
        <message>
            <source>%1: cannot open</source>
            <translation>%1：无法打开</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::InspectionProjectDialog</name>
        <message>
            <source>Inspection project</source>
            <translation>核查项目</translation>
        </message>
        <message>
            <source>the shipped Shanghai rules (shanghai-2023)</source>
            <translation>随附的上海规则（shanghai-2023）</translation>
        </message>
        <message>
            <source>Asset project</source>
            <translation>设施项目</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg);;Vector data (*.gpkg *.sqlite *.shp *.geojson);;All files (*)</source>
            <translation>GeoPackage (*.gpkg);;矢量数据 (*.gpkg *.sqlite *.shp *.geojson);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Rules file</source>
            <translation>规则文件</translation>
        </message>
        <message>
            <source>Rules (*.json);;All files (*)</source>
            <translation>规则 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>%1: no such file</source>
            <translation>%1：文件不存在</translation>
        </message>
        <message>
            <source>A project GeoPackage, or a PostGIS project database: PG:host=… dbname=… user=… or postgresql://user@host/db</source>
            <translation>项目 GeoPackage，或 PostGIS 项目数据库：PG:host=… dbname=… user=… 或 postgresql://user@host/db</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::InspectionTools</name>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>&amp;Inspect</source>
            <translation>检查(&amp;I)</translation>
        </message>
        <message>
            <source>Check &amp;site</source>
            <translation>核查站址(&amp;S)</translation>
        </message>
        <message>
            <source>Click a proposed base-station site to check it against the rules</source>
            <translation>单击拟建基站站址，按规则进行核查</translation>
        </message>
        <message>
            <source>Check &amp;works area</source>
            <translation>核查施工区域(&amp;W)</translation>
        </message>
        <message>
            <source>Draw a works area to check it against the cable protection rules</source>
            <translation>绘制施工区域，按线路保护规则进行核查</translation>
        </message>
        <message>
            <source>&amp;Audit…</source>
            <translation>合规审查(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation>导出报告(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Clear findings</source>
            <translation>清除结果(&amp;C)</translation>
        </message>
        <message>
            <source>Inspection &amp;project…</source>
            <translation>核查项目(&amp;P)…</translation>
        </message>
        <message>
            <source>Inspection</source>
            <translation>核查</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>核查结果</translation>
        </message>
        <message>
            <source>Audit</source>
            <translation>合规审查</translation>
        </message>
        <message numerus="yes">
            <source>Opened %1 (%n data problem(s); see the log)</source>
            <translation>
                <numerusform>已打开 %1（%n 个数据问题，详见日志）</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>已打开 %1</translation>
        </message>
        <message>
            <source>Checking the site…</source>
            <translation>正在核查站址…</translation>
        </message>
        <message>
            <source>Checking the works area…</source>
            <translation>正在核查施工区域…</translation>
        </message>
        <message>
            <source>Auditing…</source>
            <translation>正在进行合规审查…</translation>
        </message>
        <message>
            <source>Site check</source>
            <translation>选址核查</translation>
        </message>
        <message>
            <source>Works check</source>
            <translation>施工作业核查</translation>
        </message>
        <message>
            <source>Centre of the works area:</source>
            <translation>施工区域中心：</translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation>
                <numerusform>%n 项核查结果</numerusform>
            </translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>导出报告</translation>
        </message>
        <message>
            <source>Run a check or an audit first.</source>
            <translation>请先执行核查或合规审查。</translation>
        </message>
        <message>
            <source>HTML report, with PDF and JSON beside it (*.html)</source>
            <translation>HTML 报告，并在同一目录生成 PDF 和 JSON (*.html)</translation>
        </message>
        <message>
            <source>There is no check or audit to report.</source>
            <translation>没有可生成报告的核查或审查结果。</translation>
        </message>
        <message>
            <source>Wrote %1, %2 and %3</source>
            <translation>已写入 %1、%2 和 %3</translation>
        </message>
        <message>
            <source>The inspection project is not open.</source>
            <translation>核查项目尚未打开。</translation>
        </message>
        <message>
            <source>Report coordinate system: %1</source>
            <translation>报告坐标系：%1</translation>
        </message>
        <message>
            <source>Oblique view: %1</source>
            <translation>斜视图：%1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LayerTreePanel</name>
        <message>
            <source>Layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>CRS</source>
            <translation>坐标系</translation>
        </message>
        <message>
            <source>Features</source>
            <translation>要素数</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <source>&amp;Zoom to layer</source>
            <translation>缩放到图层(&amp;Z)</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>重命名(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Opacity</source>
            <translation>不透明度(&amp;O)</translation>
        </message>
        <message>
            <source>Opacity: %1 %</source>
            <translation>不透明度：%1 %</translation>
        </message>
        <message>
            <source>&amp;Style…</source>
            <translation>样式(&amp;S)…</translation>
        </message>
        <message>
            <source>Show &amp;attribute table</source>
            <translation>显示属性表(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Properties…</source>
            <translation>属性(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LogPanel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::MainWindow</name>
        <message>
            <source>%1 has no style to edit (3D models and sensors keep theirs)</source>
            <translation>%1 没有可编辑的样式（三维模型和传感器使用各自的样式）</translation>
        </message>
        <message>
            <source>scenario playback is not available in this build</source>
            <translation>此版本不支持情景回放</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Some features of %1 were skipped; see the log</source>
            <translation>%1 中的部分要素已跳过，详见日志</translation>
        </message>
        <message>
            <source>citytwin — Shanghai information infrastructure</source>
            <translation>citytwin — 上海信息基础设施</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Save &amp;screenshot…</source>
            <translation>保存截图(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Home view</source>
            <translation>初始视图(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;North up</source>
            <translation>正北朝上(&amp;N)</translation>
        </message>
        <message>
            <source>Go to</source>
            <translation>转到</translation>
        </message>
        <message>
            <source>Lujiazui</source>
            <translation>陆家嘴</translation>
        </message>
        <message>
            <source>The Bund</source>
            <translation>外滩</translation>
        </message>
        <message>
            <source>Top-down</source>
            <translation>俯视</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About citytwin</source>
            <translation>关于 citytwin(&amp;A)</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>导航</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>the demo data was not found (set CITYTWIN_DATA_DIR)</source>
            <translation>未找到演示数据（请设置 CITYTWIN_DATA_DIR）</translation>
        </message>
        <message>
            <source>Still loading</source>
            <translation>仍在加载</translation>
        </message>
        <message>
            <source>Wait for the current load to finish.</source>
            <translation>请等待当前加载完成。</translation>
        </message>
        <message>
            <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;All files (*)</source>
            <translation>矢量数据 (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Cannot read file</source>
            <translation>无法读取文件</translation>
        </message>
        <message>
            <source>Loading cancelled</source>
            <translation>加载已取消</translation>
        </message>
        <message>
            <source>Save screenshot</source>
            <translation>保存截图</translation>
        </message>
        <message>
            <source>PNG image (*.png);;JPEG image (*.jpg)</source>
            <translation>PNG 图像 (*.png);;JPEG 图像 (*.jpg)</translation>
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation>无法写入 %1</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>About citytwin</source>
            <translation>关于 citytwin</translation>
        </message>
        <message>
            <source>&lt;h3&gt;citytwin %1&lt;/h3&gt;&lt;p&gt;A 3D digital twin of Shanghai's information infrastructure.&lt;/p&gt;&lt;p&gt;Map data © OpenStreetMap contributors, available under the Open Database Licence (ODbL 1.0): buildings, roads, water, land use and candidate public facility sites of central Shanghai.&lt;/p&gt;&lt;p&gt;The demo's base stations and communication cables are &lt;b&gt;synthetic&lt;/b&gt; stand-ins, not real infrastructure.&lt;/p&gt;&lt;p&gt;Recorded PM2.5 of Shanghai, 2013–2015 (Jing'an, Xuhui and US Consulate monitors): Liang et al. (2016), "PM2.5 Data of Five Chinese Cities", UCI Machine Learning Repository, licensed CC BY 4.0.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;citytwin %1&lt;/h3&gt;&lt;p&gt;上海信息基础设施三维数字孪生。&lt;/p&gt;&lt;p&gt;地图数据 © OpenStreetMap 贡献者，依据开放数据库许可（ODbL 1.0）提供：上海中心城区的建筑、道路、水系、土地利用和候选公共设施点位。&lt;/p&gt;&lt;p&gt;演示中的基站和通信线路为&lt;b&gt;合成&lt;/b&gt;数据，并非真实设施。&lt;/p&gt;&lt;p&gt;上海 2013–2015 年 PM2.5 记录（静安、徐汇和美国领事馆监测点）：Liang 等（2016），“PM2.5 Data of Five Chinese Cities”，UCI 机器学习数据库，依据 CC BY 4.0 许可。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Import into project…</source>
            <translation>导入到项目(&amp;I)…</translation>
        </message>
        <message>
            <source>Import a vector file into a project GeoPackage, converting its CRS</source>
            <translation>将矢量文件导入项目 GeoPackage 并转换坐标系</translation>
        </message>
        <message>
            <source>Import vector data</source>
            <translation>导入矢量数据</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Import cancelled; the project is unchanged.</source>
            <translation>导入已取消，项目未被修改。</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>告警</translation>
        </message>
        <message>
            <source>Sensor history</source>
            <translation>传感器历史</translation>
        </message>
        <message>
            <source>Sensors</source>
            <translation>传感器</translation>
        </message>
        <message>
            <source>Open a GeoPackage, Shapefile, GeoJSON or other GDAL vector file, a DEM or an orthophoto</source>
            <translation>打开 GeoPackage、Shapefile、GeoJSON 或其他 GDAL 矢量文件、DEM 或正射影像</translation>
        </message>
        <message>
            <source>Open &amp;URL…</source>
            <translation>打开网址(&amp;U)…</translation>
        </message>
        <message>
            <source>Open a 3D Tiles tileset.json from an http:// or https:// server</source>
            <translation>从 http:// 或 https:// 服务器打开 3D Tiles tileset.json</translation>
        </message>
        <message>
            <source>Open data</source>
            <translation>打开数据</translation>
        </message>
        <message>
            <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;DEMs and orthophotos (*.tif *.tiff *.vrt *.img *.jp2);;All files (*)</source>
            <translation>矢量数据 (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;DEM 与正射影像 (*.tif *.tiff *.vrt *.img *.jp2);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Open URL</source>
            <translation>打开网址</translation>
        </message>
        <message>
            <source>3D Tiles tileset URL (http:// or https://):</source>
            <translation>3D Tiles tileset 网址（http:// 或 https://）：</translation>
        </message>
        <message>
            <source>Only http:// and https:// URLs can be opened: %1</source>
            <translation>只能打开 http:// 和 https:// 网址：%1</translation>
        </message>
        <message>
            <source>Loading tiles: %1</source>
            <translation>正在加载瓦片：%1</translation>
        </message>
        <message>
            <source>the scenario file %1 does not exist</source>
            <translation>情景文件 %1 不存在</translation>
        </message>
        <message>
            <source>Cannot restyle %1: %2</source>
            <translation>无法更改 %1 的样式：%2</translation>
        </message>
        <message>
            <source>Only vector layers can be styled here.</source>
            <translation>此处只能设置矢量图层的样式。</translation>
        </message>
        <message>
            <source>Style</source>
            <translation>样式</translation>
        </message>
        <message>
            <source>Open vector data (GeoPackage, Shapefile, GeoJSON, CSV points, OSM...), 3D Tiles, OSGB, glTF or CityGML models, a DEM or an orthophoto</source>
            <translation>打开矢量数据（GeoPackage、Shapefile、GeoJSON、CSV 点、OSM 等）、3D Tiles、OSGB、glTF 或 CityGML 模型、DEM 或正射影像</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Fly back to the city (Home or H)</source>
            <translation>飞回城市（Home 或 H 键）</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>&amp;Zoom to new layers</source>
            <translation>缩放到新图层(&amp;Z)</translation>
        </message>
        <message>
            <source>Map &amp;labels</source>
            <translation>地图注记(&amp;L)</translation>
        </message>
        <message>
            <source>Names of districts, rivers, major roads and landmark buildings (L)</source>
            <translation>区、河流、主要道路和地标建筑的名称 (L)</translation>
        </message>
        <message>
            <source>Fly to every layer opened or imported, so that it is in view</source>
            <translation>飞到每个新打开或导入的图层，使其进入视野</translation>
        </message>
        <message>
            <source>&amp;Reset layout</source>
            <translation>重置布局(&amp;R)</translation>
        </message>
        <message>
            <source>Restore the default window size and docks for this screen</source>
            <translation>恢复适合本屏幕的默认窗口大小和停靠面板</translation>
        </message>
        <message>
            <source>Layout reset to the defaults</source>
            <translation>布局已重置为默认</translation>
        </message>
        <message>
            <source>%1 no longer exists; removed from the recent files</source>
            <translation>%1 已不存在，已从最近文件中移除</translation>
        </message>
        <message>
            <source>Removed layer %1</source>
            <translation>已移除图层 %1</translation>
        </message>
        <message>
            <source>%1 has nothing to zoom to yet</source>
            <translation>%1 尚无可缩放的内容</translation>
        </message>
        <message>
            <source>%1 lies %2 km from the other layers, at %3</source>
            <translation>%1 距其他图层 %2 公里，位于 %3</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::MapPointTool</name>
        <message>
            <source>Click the proposed site in the view (Esc cancels).</source>
            <translation>在视图中单击拟建站址（Esc 取消）。</translation>
        </message>
        <message>
            <source>Click the corners of the works area; double click or Enter closes it, Esc or a right click cancels.</source>
            <translation>依次单击施工区域的各个角点；双击或按 Enter 闭合，Esc 或右键取消。</translation>
        </message>
        <message>
            <source>That is the sky; click the ground or a building.</source>
            <translation>这里是天空；请单击地面或建筑。</translation>
        </message>
        <message>
            <source>A works area needs at least three corners.</source>
            <translation>施工区域至少需要三个角点。</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ModelPlacementDialog</name>
        <message>
            <source>Place model</source>
            <translation>放置模型</translation>
        </message>
        <message>
            <source>%1 has no georeference. Where does its origin stand? (WGS 84; the view's centre is filled in.)</source>
            <translation>%1 没有地理参考。它的原点应放在哪里？（WGS 84；已填入视图中心。）</translation>
        </message>
        <message>
            <source> m</source>
            <translation> 米</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>经度</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>纬度</translation>
        </message>
        <message>
            <source>Height above the ground</source>
            <translation>离地高度</translation>
        </message>
        <message>
            <source>Heading (clockwise from north)</source>
            <translation>朝向（自北顺时针）</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>缩放</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::PlaybackBar</name>
        <message>
            <source>Go to date</source>
            <translation>跳转到日期</translation>
        </message>
        <message>
            <source>Type a date and time in Shanghai time (2013-12-06 12:00 or 2013年12月6日 12:00) and press Enter to go there</source>
            <translation>输入上海时间的日期和时刻（2013-12-06 12:00 或 2013年12月6日 12:00），按回车跳转</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>实时</translation>
        </message>
        <message>
            <source>Follow the present: show what the sensors report now</source>
            <translation>跟随当前时间：显示传感器的实时数据</translation>
        </message>
        <message>
            <source>Pause playback</source>
            <translation>暂停回放</translation>
        </message>
        <message>
            <source>Play back from the cursor</source>
            <translation>从游标处开始回放</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Playback speed (times real time)</source>
            <translation>回放速度（实时的倍数）</translation>
        </message>
        <message>
            <source>Scene time, Shanghai (UTC+8)</source>
            <translation>场景时间，上海（UTC+8）</translation>
        </message>
        <message>
            <source>Click or drag to go to a time, the wheel zooms from years to minutes; red bands are alerts, hatched areas are gaps in the stream</source>
            <translation>单击或拖动以跳转到某一时刻，滚轮可在年与分钟之间缩放；红色条带为告警，斜线区域为数据流中断</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <source>Play the timeline's range over and over</source>
            <translation>循环播放时间线范围</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ScenarioEventPanel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Affected</source>
            <translation>受影响</translation>
        </message>
        <message>
            <source>Article cited</source>
            <translation>引用条款</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ScenarioSession</name>
        <message>
            <source>Opening the project…</source>
            <translation>正在打开项目…</translation>
        </message>
        <message>
            <source>%1: the project is not open</source>
            <translation>%1：项目未打开</translation>
        </message>
        <message>
            <source>Reading the scenario…</source>
            <translation>正在读取场景…</translation>
        </message>
        <message>
            <source>Building the network…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <source>Running the scenario…</source>
            <translation>正在推演场景…</translation>
        </message>
        <message>
            <source>%1 synthetic readings written to the sensor store as scenario:&lt;asset&gt;:&lt;metric&gt;</source>
            <translation>已将 %1 条合成读数写入传感器库（scenario:&lt;设施&gt;:&lt;指标&gt;）</translation>
        </message>
        <message>
            <source>the synthetic readings could not be stored: %1</source>
            <translation>合成读数未能写入传感器库：%1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ScenarioTools</name>
        <message>
            <source>&amp;Scenario</source>
            <translation>场景(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a scenario (JSON) and play it over the project</source>
            <translation>打开场景（JSON）并在项目上回放</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation>导出报告(&amp;E)…</translation>
        </message>
        <message>
            <source>Write the incident report (HTML and PDF) of the open scenario</source>
            <translation>写出当前场景的事件报告（HTML 和 PDF）</translation>
        </message>
        <message>
            <source>Scenario events</source>
            <translation>场景事件</translation>
        </message>
        <message>
            <source>What-if</source>
            <translation>假设推演</translation>
        </message>
        <message>
            <source>Open scenario</source>
            <translation>打开场景</translation>
        </message>
        <message>
            <source>Scenarios (*.json);;All files (*)</source>
            <translation>场景 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Scenario cancelled</source>
            <translation>场景已取消</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <source>Opening scenario %1</source>
            <translation>正在打开场景 %1</translation>
        </message>
        <message>
            <source>Scenario: %1</source>
            <translation>场景：%1</translation>
        </message>
        <message>
            <source>The scenario could not be opened; see the log</source>
            <translation>无法打开场景；请查看日志</translation>
        </message>
        <message>
            <source>Scenario %1: %2 log entries in %3 ms, sha256 %4</source>
            <translation>场景 %1：%2 条日志，用时 %3 毫秒，sha256 %4</translation>
        </message>
        <message>
            <source>Export incident report</source>
            <translation>导出事件报告</translation>
        </message>
        <message>
            <source>HTML and PDF (*.html);;PDF only (*.pdf)</source>
            <translation>HTML 和 PDF (*.html);;仅 PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <source>No scenario is open</source>
            <translation>没有打开的场景</translation>
        </message>
        <message>
            <source>Wrote the incident report %1</source>
            <translation>已写入事件报告 %1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::SensorHistoryChart</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Per-minute mean with its min..max band, two hours before and one hour after the scene time; dashed: alert thresholds</source>
            <translation>每分钟均值及最小—最大范围，场景时间前两小时至后一小时；虚线：告警阈值</translation>
        </message>
        <message>
            <source>Click a sensor on the map to see its history</source>
            <translation>在地图上单击传感器以查看其历史数据</translation>
        </message>
        <message>
            <source>No readings in this period</source>
            <translation>该时段没有读数</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Mean with its min..max band around the scene time (wheel: zoom from minutes to years; raw readings, 1 min, 1 h or 1 d rollups by the span); dashed: alert thresholds</source>
            <translation>场景时刻前后的均值及其最小值..最大值范围（滚轮：从分钟缩放到年；按跨度使用原始读数、1 分钟、1 小时或 1 天汇总）；虚线：告警阈值</translation>
        </message>
        <message>
            <source>Export CSV...</source>
            <translation>导出 CSV...</translation>
        </message>
        <message>
            <source>Export PNG...</source>
            <translation>导出 PNG...</translation>
        </message>
        <message>
            <source>Export history as CSV</source>
            <translation>将历史导出为 CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <source>Times in the CSV in this time zone (IANA name or +08:00):</source>
            <translation>CSV 中的时间使用此时区（IANA 名称或 +08:00）：</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <source>The history was not exported:
%1</source>
            <translation>历史未导出：
%1</translation>
        </message>
        <message>
            <source>Export chart as PNG</source>
            <translation>将图表导出为 PNG</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <source>Export PNG</source>
            <translation>导出 PNG</translation>
        </message>
        <message>
            <source>The chart was not exported:
%1</source>
            <translation>图表未导出：
%1</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Export the history shown as CSV or the chart as PNG</source>
            <translation>将所示历史导出为 CSV，或将图表导出为 PNG</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::SensorMonitor</name>
        <message>
            <source>Cannot read the history mapping:
%1</source>
            <translation>无法读取历史数据映射：
%1</translation>
        </message>
        <message>
            <source>Importing recorded sensor history: %1%</source>
            <translation>正在导入传感器历史记录：%1%</translation>
        </message>
        <message>
            <source>Recorded sensor history not imported: %1</source>
            <translation>传感器历史记录未导入：%1</translation>
        </message>
        <message>
            <source>History import cancelled: the %1 readings committed so far are kept</source>
            <translation>历史导入已取消：已提交的 %1 条读数予以保留</translation>
        </message>
        <message>
            <source>Imported %1 readings of recorded sensor history (%2 missing cells skipped)</source>
            <translation>已导入 %1 条传感器历史读数（跳过 %2 个缺失单元格）</translation>
        </message>
        <message>
            <source>excellent</source>
            <translation>优</translation>
        </message>
        <message>
            <source>good</source>
            <translation>良</translation>
        </message>
        <message>
            <source>lightly polluted</source>
            <translation>轻度污染</translation>
        </message>
        <message>
            <source>moderately polluted</source>
            <translation>中度污染</translation>
        </message>
        <message>
            <source>heavily polluted</source>
            <translation>重度污染</translation>
        </message>
        <message>
            <source>severely polluted</source>
            <translation>严重污染</translation>
        </message>
        <message>
            <source>state</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>measured</source>
            <translation>测量时间</translation>
        </message>
        <message>
            <source>AQI band (HJ 633-2012)</source>
            <translation>AQI 级别（HJ 633-2012）</translation>
        </message>
        <message>
            <source>%1 (IAQI %2)</source>
            <translation>%1（IAQI %2）</translation>
        </message>
        <message>
            <source>The sensors are already running</source>
            <translation>传感器已在运行</translation>
        </message>
        <message>
            <source>Cannot read the sensor registry:
%1</source>
            <translation>无法读取传感器登记表：
%1</translation>
        </message>
        <message>
            <source>The sensor registry %1 lists no sensors</source>
            <translation>传感器登记表 %1 中没有传感器</translation>
        </message>
        <message>
            <source>Cannot open the sensor store %1:
%2</source>
            <translation>无法打开传感器数据库 %1：
%2</translation>
        </message>
        <message>
            <source>The sensor store %1 cannot be written: %2. Readings are held and not acknowledged; retrying.</source>
            <translation>传感器数据库 %1 无法写入：%2。读数暂存且不向代理确认；正在重试。</translation>
        </message>
        <message>
            <source>The sensor store %1 takes writes again; ingest resumed.</source>
            <translation>传感器数据库 %1 已恢复写入；接入已继续。</translation>
        </message>
        <message>
            <source>--mqtt: %1</source>
            <translation>--mqtt：%1</translation>
        </message>
        <message>
            <source>MQTT %1: %2</source>
            <translation>MQTT %1：%2</translation>
        </message>
        <message>
            <source>Alert %1 not acknowledged: %2</source>
            <translation>告警 %1 未能确认：%2</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::TimelineTrack</name>
        <message>
            <source>Timeline</source>
            <translation>时间轴</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::WhatIfPanel</name>
        <message>
            <source>Save as scenario…</source>
            <translation>另存为场景…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Right-click a cable or a site in the map to simulate its failure.</source>
            <translation>在地图上右键单击光缆或站点，模拟其故障。</translation>
        </message>
        <message>
            <source>Sites losing backhaul: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>失去回传的站点：&lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Kept by a redundant path: %1</source>
            <translation>由冗余路由保持：%1</translation>
        </message>
        <message>
            <source>Coverage lost: &lt;b&gt;%1 km²&lt;/b&gt;</source>
            <translation>覆盖丢失：&lt;b&gt;%1 平方公里&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Sites: %1</source>
            <translation>站点：%1</translation>
        </message>
        <message>
            <source>Computed in %1 ms</source>
            <translation>计算用时 %1 毫秒</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::WhatIfTool</name>
        <message>
            <source>Simulate a cut here</source>
            <translation>模拟在此处断缆</translation>
        </message>
        <message>
            <source>Simulate an outage</source>
            <translation>模拟站点停运</translation>
        </message>
        <message>
            <source>%1 is not a cable of the network</source>
            <translation>%1 不是网络中的光缆</translation>
        </message>
        <message>
            <source>%1: no impact could be computed</source>
            <translation>%1：无法计算影响</translation>
        </message>
        <message>
            <source>Cut of %1 at %2 m</source>
            <translation>%1 在 %2 米处断缆</translation>
        </message>
        <message>
            <source>Cut of %1</source>
            <translation>%1 断缆</translation>
        </message>
        <message>
            <source>%1 is not a site of the network</source>
            <translation>%1 不是网络中的站点</translation>
        </message>
        <message>
            <source>Outage of %1</source>
            <translation>%1 停运</translation>
        </message>
        <message>
            <source>What-if %1: %2 sites lose backhaul, %3 km² coverage lost (%4 ms)</source>
            <translation>假设推演 %1：%2 个站点失去回传，覆盖丢失 %3 平方公里（%4 毫秒）</translation>
        </message>
        <message>
            <source>Nothing was simulated</source>
            <translation>尚未进行模拟</translation>
        </message>
        <message>
            <source>%1: cannot write: %2</source>
            <translation>%1：无法写入：%2</translation>
        </message>
        <message>
            <source>Save as scenario</source>
            <translation>另存为场景</translation>
        </message>
        <message>
            <source>Scenarios (*.json)</source>
            <translation>场景 (*.json)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ReportHeaderDialog</name>
        <message>
            <source>Report header</source>
            <translation>报告信息</translation>
        </message>
        <message>
            <source>Gauss-Krüger zone of the case's centre (default)</source>
            <translation>案件中心所在的高斯-克吕格投影带（默认）</translation>
        </message>
        <message>
            <source>CGCS2000 / GK CM 120E (EPSG:4549)</source>
            <translation>CGCS2000 / 高斯-克吕格 中央经线 120°E (EPSG:4549)</translation>
        </message>
        <message>
            <source>CGCS2000 / GK CM 123E (EPSG:4550)</source>
            <translation>CGCS2000 / 高斯-克吕格 中央经线 123°E (EPSG:4550)</translation>
        </message>
        <message>
            <source>Case number:</source>
            <translation>案件编号：</translation>
        </message>
        <message>
            <source>Inspector:</source>
            <translation>检查人员：</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>检查单位：</translation>
        </message>
        <message>
            <source>Coordinate system:</source>
            <translation>坐标系：</translation>
        </message>
        <message>
            <source>Paper:</source>
            <translation>纸张：</translation>
        </message>
        <message>
            <source>Top-down (north up, to scale)</source>
            <translation>正射俯视图（上北，按比例）</translation>
        </message>
        <message>
            <source>Oblique 3D view</source>
            <translation>三维斜视图</translation>
        </message>
        <message>
            <source>Both: top-down, then oblique</source>
            <translation>两者：先俯视图，后斜视图</translation>
        </message>
        <message>
            <source>Map view:</source>
            <translation>地图视角：</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::WorksDialog</name>
        <message>
            <source>Works area</source>
            <translation>施工区域</translation>
        </message>
        <message>
            <source>Kind of works</source>
            <translation>施工类型</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>End</source>
            <translation>结束</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>核查</translation>
        </message>
        <message>
            <source>The works end before they start.</source>
            <translation>施工结束时间早于开始时间。</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::kiosk::KioskOverlay</name>
        <message>
            <source>Buildings</source>
            <translation>建筑</translation>
        </message>
        <message>
            <source>Base stations</source>
            <translation>基站</translation>
        </message>
        <message>
            <source>Cables</source>
            <translation>通信管线</translation>
        </message>
        <message>
            <source>Protection zones</source>
            <translation>保护区</translation>
        </message>
        <message>
            <source>Sensor: normal</source>
            <translation>传感器：正常</translation>
        </message>
        <message>
            <source>Sensor: alarm</source>
            <translation>传感器：告警</translation>
        </message>
        <message>
            <source>Operator PIN</source>
            <translation>管理员密码</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::kiosk::KioskSession</name>
        <message>
            <source>Layer: %1</source>
            <translation>图层：%1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LayerStyleDialog</name>
        <message>
            <source>Style of %1</source>
            <translation>%1 的样式</translation>
        </message>
        <message>
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <source>(no labels)</source>
            <translation>（无标注）</translation>
        </message>
        <message>
            <source>Height (gradient)</source>
            <translation>按高度（渐变）</translation>
        </message>
        <message>
            <source>Height bands</source>
            <translation>按高度分级</translation>
        </message>
        <message>
            <source>(single colour)</source>
            <translation>（单一颜色）</translation>
        </message>
        <message>
            <source>Choose a colour</source>
            <translation>选择颜色</translation>
        </message>
        <message>
            <source>Colour by attribute:</source>
            <translation>按属性着色：</translation>
        </message>
        <message>
            <source>Colour:</source>
            <translation>颜色：</translation>
        </message>
        <message>
            <source>Fill colour:</source>
            <translation>填充颜色：</translation>
        </message>
        <message>
            <source>Fill opacity:</source>
            <translation>填充不透明度：</translation>
        </message>
        <message>
            <source>Labels from field:</source>
            <translation>标注字段：</translation>
        </message>
        <message>
            <source>No outline</source>
            <translation>无轮廓</translation>
        </message>
        <message>
            <source>Outline colour:</source>
            <translation>轮廓颜色：</translation>
        </message>
        <message>
            <source>Outline width:</source>
            <translation>轮廓宽度：</translation>
        </message>
        <message numerus="yes">
            <source>… %n more in the fill colour</source>
            <translation>
                <numerusform>…… 另有 %n 个值使用填充颜色</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LiveStatus</name>
        <message>
            <source>%1 readings/s</source>
            <translation>每秒 %1 条读数</translation>
        </message>
        <message>
            <source>MQTT connected (gap %1–%2 recorded)</source>
            <translation>MQTT 已连接（已记录中断 %1–%2）</translation>
        </message>
        <message>
            <source>MQTT connected</source>
            <translation>MQTT 已连接</translation>
        </message>
        <message>
            <source>MQTT connecting</source>
            <translation>MQTT 正在连接</translation>
        </message>
        <message>
            <source>MQTT reconnecting since %1</source>
            <translation>MQTT 自 %1 起正在重连</translation>
        </message>
        <message>
            <source>Simulated feed</source>
            <translation>模拟数据源</translation>
        </message>
        <message>
            <source>Live feed details: unknown sensors, rejected payloads, connection</source>
            <translation>实时数据详情：未知传感器、被拒绝的消息、连接</translation>
        </message>
        <message numerus="yes">
            <source>%n unknown sensor(s)</source>
            <translation>
                <numerusform>%n 个未知传感器</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected</source>
            <translation>
                <numerusform>%n 条被拒绝</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LiveStatusDialog</name>
        <message>
            <source>Live feed</source>
            <translation>实时数据</translation>
        </message>
        <message>
            <source>%1 added to %2; its pin shows from the next start of the feed.</source>
            <translation>%1 已加入 %2；下次启动数据源后显示其图钉。</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Add the selected sensor to the registry</source>
            <translation>将所选传感器加入登记表</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Latest value</source>
            <translation>最新值</translation>
        </message>
        <message>
            <source>Latitude (WGS 84):</source>
            <translation>纬度（WGS 84）：</translation>
        </message>
        <message>
            <source>Longitude (WGS 84):</source>
            <translation>经度（WGS 84）：</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Readings</source>
            <translation>读数</translation>
        </message>
        <message>
            <source>Sensor</source>
            <translation>传感器</translation>
        </message>
        <message>
            <source>Readings stored: %1; rejected payloads: %2; readings of unknown sensors: %3</source>
            <translation>已存储读数：%1；被拒绝的消息：%2；未知传感器的读数：%3</translation>
        </message>
        <message>
            <source>Sensors heard from that the registry does not know (their readings are stored, but they have no pin and no alerts):</source>
            <translation>收到数据但未在登记表中的传感器（其读数已存储，但没有图钉，也不产生告警）：</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::AlertToast</name>
        <message>
            <source>New alert: %1</source>
            <translation>新告警：%1</translation>
        </message>
        <message>
            <source>%1 — %2 (click to go there)</source>
            <translation>%1 — %2（点击前往）</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::HistoryImport</name>
        <message>
            <source>The history was not imported:
%1</source>
            <translation>历史数据未导入：
%1</translation>
        </message>
        <message>
            <source>Import cancelled after %1 lines: the %2 readings committed so far are kept in the store.</source>
            <translation>导入在 %1 行后取消：已提交的 %2 条读数保留在存储中。</translation>
        </message>
        <message>
            <source>Imported %1 readings from %2 lines.</source>
            <translation>已从 %2 行导入 %1 条读数。</translation>
        </message>
        <message>
            <source>%1 readings were already stored.</source>
            <translation>%1 条读数此前已存储。</translation>
        </message>
        <message>
            <source>%1 lines were rejected (see citytwin-cli stats).</source>
            <translation>%1 行被拒绝（见 citytwin-cli stats）。</translation>
        </message>
        <message>
            <source>%1 missing cells were skipped.</source>
            <translation>跳过了 %1 个缺失单元格。</translation>
        </message>
        <message>
            <source>Import sensor history</source>
            <translation>导入传感器历史</translation>
        </message>
        <message>
            <source>Cannot read the mapping:
%1</source>
            <translation>无法读取映射：
%1</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Importing %1: %2 lines read, %3 readings committed</source>
            <translation>正在导入 %1：已读取 %2 行，已提交 %3 条读数</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::HistoryImportDialog</name>
        <message>
            <source>Sensor history file</source>
            <translation>传感器历史文件</translation>
        </message>
        <message>
            <source>Sensor history (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
            <translation>传感器历史 (*.csv *.jsonl *.ndjson *.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>CSV mapping</source>
            <translation>CSV 映射</translation>
        </message>
        <message>
            <source>CSV mappings (*.json)</source>
            <translation>CSV 映射 (*.json)</translation>
        </message>
        <message>
            <source>Import sensor history</source>
            <translation>导入传感器历史</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>列：</translation>
        </message>
        <message>
            <source>As they are (JSON Lines, or CSV with sensor and ts columns)</source>
            <translation>按原样（JSON Lines，或含 sensor 与 ts 列的 CSV）</translation>
        </message>
        <message>
            <source>Other mapping file…</source>
            <translation>其他映射文件…</translation>
        </message>
        <message>
            <source>A wide CSV (split date columns, one column per sensor and metric) needs a mapping; see docs/sensors.md</source>
            <translation>宽格式 CSV（日期分列、每个传感器和指标一列）需要映射；见 docs/sensors.md</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Import sensor &amp;history…</source>
            <translation>导入传感器历史(&amp;H)…</translation>
        </message>
        <message>
            <source>Import recorded sensor readings (CSV, JSON Lines) into the sensor store, with progress and Cancel</source>
            <translation>将记录的传感器读数（CSV、JSON Lines）导入传感器存储，显示进度并可取消</translation>
        </message>
        <message>
            <source>The sensors are not running: there is no sensor store to import into.</source>
            <translation>传感器未运行：没有可导入的传感器存储。</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::GoToDialog</name>
        <message>
            <source>Go to coordinate</source>
            <translation>转到坐标</translation>
        </message>
        <message>
            <source>WGS 84 (GPS), degrees</source>
            <translation>WGS 84（GPS），度</translation>
        </message>
        <message>
            <source>CGCS2000, degrees</source>
            <translation>CGCS2000，度</translation>
        </message>
        <message>
            <source>CGCS2000 Gauss-Krüger, metres</source>
            <translation>CGCS2000 高斯-克吕格，米</translation>
        </message>
        <message>
            <source>GCJ-02 (Amap, Tencent), degrees</source>
            <translation>GCJ-02（高德、腾讯），度</translation>
        </message>
        <message>
            <source>BD-09 (Baidu), degrees</source>
            <translation>BD-09（百度），度</translation>
        </message>
        <message>
            <source>from the easting's prefix</source>
            <translation>取自横坐标的带号前缀</translation>
        </message>
        <message>
            <source>Zone %1 is the view's (3-degree)</source>
            <translation>当前视图位于第 %1 带（3 度带）</translation>
        </message>
        <message>
            <source>3-degree zones</source>
            <translation>3 度带</translation>
        </message>
        <message>
            <source>6-degree zones</source>
            <translation>6 度带</translation>
        </message>
        <message>
            <source>31.2397, 121.4998  or  121°29'59"E 31°14'23"N</source>
            <translation>31.2397, 121.4998  或  东经121度29分59秒 北纬31度14分23秒</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;System:</source>
            <translation>坐标系(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Zone:</source>
            <translation>带号(&amp;Z)：</translation>
        </message>
        <message>
            <source>Zone &amp;width:</source>
            <translation>分带(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Coordinate:</source>
            <translation>坐标(&amp;C)：</translation>
        </message>
        <message>
            <source>Type a coordinate.</source>
            <translation>请输入坐标。</translation>
        </message>
        <message>
            <source>WGS 84: %1° E, %2° N (%3)</source>
            <translation>WGS 84：东经 %1°，北纬 %2°（%3）</translation>
        </message>
        <message>
            <source>Cannot read it: %1</source>
            <translation>无法识别：%1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::MeasurePanel</name>
        <message>
            <source>No measurement</source>
            <translation>尚无量测</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation>清除(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::MeasureTool</name>
        <message>
            <source>Click the points to measure between; a right click, double click or Enter finishes, Esc cancels.</source>
            <translation>依次点击要量测的点；右键、双击或回车结束，Esc 取消。</translation>
        </message>
        <message>
            <source>Click the corners of the area; a right click, double click or Enter finishes, Esc cancels.</source>
            <translation>依次点击区域的角点；右键、双击或回车结束，Esc 取消。</translation>
        </message>
        <message>
            <source>Click a building, or a point to measure its height above the ground (Esc cancels).</source>
            <translation>点击建筑物，或点击一点量测其离地高度（Esc 取消）。</translation>
        </message>
        <message>
            <source>An area needs at least three corners.</source>
            <translation>面积至少需要三个角点。</translation>
        </message>
        <message>
            <source>A distance needs at least two points.</source>
            <translation>距离至少需要两个点。</translation>
        </message>
        <message>
            <source>That is the sky; click the ground or a building.</source>
            <translation>这是天空；请点击地面或建筑物。</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::OperatorTools</name>
        <message>
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <source>Find a feature of any loaded layer by id or name</source>
            <translation>按编号或名称在已加载的任一图层中查找要素</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>%1 in %2</source>
            <translation>%1（图层 %2）</translation>
        </message>
        <message>
            <source>Measured; the result is in the Measurement panel</source>
            <translation>量测完成，结果见“量测”面板</translation>
        </message>
        <message>
            <source>Measurement cancelled</source>
            <translation>已取消量测</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Go to coordinate…</source>
            <translation>转到坐标(&amp;G)…</translation>
        </message>
        <message>
            <source>Fly to a coordinate typed in WGS 84, CGCS2000, Gauss-Krüger, GCJ-02 or BD-09, and mark it</source>
            <translation>飞到以 WGS 84、CGCS2000、高斯-克吕格、GCJ-02 或 BD-09 输入的坐标并标记</translation>
        </message>
        <message>
            <source>Measure &amp;distance</source>
            <translation>量测距离(&amp;D)</translation>
        </message>
        <message>
            <source>Click points: distance along the ground and straight in 3D</source>
            <translation>点击各点：沿地面距离与三维直线距离</translation>
        </message>
        <message>
            <source>Measure &amp;area</source>
            <translation>量测面积(&amp;A)</translation>
        </message>
        <message>
            <source>Click the corners of a polygon: area and perimeter on the ground</source>
            <translation>点击多边形角点：地面面积与周长</translation>
        </message>
        <message>
            <source>Measure &amp;height</source>
            <translation>量测高度(&amp;H)</translation>
        </message>
        <message>
            <source>Click a building for its height, or a point for its height above the ground</source>
            <translation>点击建筑物量测其高度，或点击一点量测其离地高度</translation>
        </message>
        <message>
            <source>&amp;Clear measurement</source>
            <translation>清除量测(&amp;C)</translation>
        </message>
        <message>
            <source>Tools</source>
            <translation>工具</translation>
        </message>
        <message>
            <source>Measurement</source>
            <translation>量测</translation>
        </message>
        <message>
            <source>Cannot measure here</source>
            <translation>此处无法量测</translation>
        </message>
        <message>
            <source>Computed in %1, on the ellipsoid</source>
            <translation>在 %1 中计算，归算到椭球面</translation>
        </message>
        <message>
            <source>Segment %1: ground %2, straight %3, rise %4</source>
            <translation>第 %1 段：地面 %2，直线 %3，高差 %4</translation>
        </message>
        <message>
            <source>Total: ground %1, straight %2</source>
            <translation>合计：地面 %1，直线 %2</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>合计 %1</translation>
        </message>
        <message>
            <source>Distance</source>
            <translation>距离</translation>
        </message>
        <message>
            <source>Area: %1</source>
            <translation>面积：%1</translation>
        </message>
        <message>
            <source>Perimeter: %1</source>
            <translation>周长：%1</translation>
        </message>
        <message>
            <source>Corners: %1</source>
            <translation>角点：%1</translation>
        </message>
        <message>
            <source>Corners: %1 (click at least three)</source>
            <translation>角点：%1（至少点击三个）</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>Building: %1 (layer %2)</source>
            <translation>建筑物：%1（图层 %2）</translation>
        </message>
        <message>
            <source>Height: %1 (top %2, base %3 above the ground)</source>
            <translation>高度：%1（顶部离地 %2，底部离地 %3）</translation>
        </message>
        <message>
            <source>Estimated: the building has no height or levels attribute</source>
            <translation>估算值：该建筑物没有高度或层数属性</translation>
        </message>
        <message>
            <source>Point height above the ground: %1</source>
            <translation>该点离地高度：%1</translation>
        </message>
        <message>
            <source>At %1° E, %2° N</source>
            <translation>位于东经 %1°，北纬 %2°</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>Nothing is loaded yet: no place to go to</source>
            <translation>尚未加载数据，无法转到</translation>
        </message>
        <message>
            <source>Go to</source>
            <translation>转到</translation>
        </message>
        <message>
            <source>WGS 84: %1
Typed in %2: %3, %4</source>
            <translation>WGS 84：%1
输入坐标（%2）：%3, %4</translation>
        </message>
        <message>
            <source>Went to %1</source>
            <translation>已转到 %1</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::SearchPanel</name>
        <message>
            <source>Id or name (中文 or Latin), e.g. SH-LJZ-0042</source>
            <translation>编号或名称（中文或拉丁字母），例如 SH-LJZ-0042</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Nothing loaded yet</source>
            <translation>尚未加载数据</translation>
        </message>
        <message>
            <source>Indexing…</source>
            <translation>正在建立索引…</translation>
        </message>
        <message>
            <source>No match</source>
            <translation>无匹配</translation>
        </message>
        <message numerus="yes">
            <source>%n name(s) in %1 layer(s)</source>
            <translation>
                <numerusform>%1 个图层中共 %n 个名称</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n 个匹配</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::CsvPointsDialog</name>
        <message>
            <source>Open CSV points</source>
            <translation>打开 CSV 点数据</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Coordinate columns found by their names; check them.</source>
            <translation>已按列名找到坐标列，请核对。</translation>
        </message>
        <message>
            <source>No coordinate columns found by name: choose them.</source>
            <translation>未按列名找到坐标列，请选择。</translation>
        </message>
        <message>
            <source>X (longitude, easting):</source>
            <translation>X（经度、东坐标）：</translation>
        </message>
        <message>
            <source>Y (latitude, northing):</source>
            <translation>Y（纬度、北坐标）：</translation>
        </message>
        <message>
            <source>Choose the CRS of the coordinates…</source>
            <translation>选择坐标所用的坐标系…</translation>
        </message>
        <message>
            <source>CRS:</source>
            <translation>坐标系：</translation>
        </message>
        <message>
            <source>A CSV does not say which datum its coordinates use; GPS gives WGS 84, AMap and Tencent GCJ-02, Baidu BD-09.</source>
            <translation>CSV 不注明坐标所用的基准：GPS 为 WGS 84，高德和腾讯为 GCJ-02，百度为 BD-09。</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Choose two different coordinate columns.</source>
            <translation>请选择两个不同的坐标列。</translation>
        </message>
        <message>
            <source>Choose the CRS the coordinates are in; it is never guessed.</source>
            <translation>请选择坐标所用的坐标系；系统从不猜测。</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::LayerPropertiesDialog</name>
        <message>
            <source>Tileset metadata:</source>
            <translation>瓦片集元数据：</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Layer properties: %1</source>
            <translation>图层属性：%1</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>来源：</translation>
        </message>
        <message>
            <source>CRS:</source>
            <translation>坐标系：</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Extent (WGS 84):</source>
            <translation>范围（WGS 84）：</translation>
        </message>
        <message>
            <source>Features:</source>
            <translation>要素数：</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Memory:</source>
            <translation>内存：</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::BookmarkPanel</name>
        <message>
            <source>Name of the view (Chinese or English)</source>
            <translation>视图名称（中文或英文）</translation>
        </message>
        <message>
            <source>&amp;Add view</source>
            <translation>添加视图(&amp;A)</translation>
        </message>
        <message>
            <source>Save the camera, the visible layers and the clock time</source>
            <translation>保存相机、可见图层和时钟时间</translation>
        </message>
        <message>
            <source>&amp;Fly to</source>
            <translation>飞往(&amp;F)</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>重命名(&amp;N)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>删除(&amp;L)</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>导出(&amp;X)…</translation>
        </message>
        <message>
            <source>Write the bookmarks as a kiosk tour file (JSON)</source>
            <translation>将书签写为展台导览文件（JSON）</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <source>Add the stops of a kiosk tour file (JSON) as bookmarks</source>
            <translation>将展台导览文件（JSON）的各站添加为书签</translation>
        </message>
        <message>
            <source>&amp;Project…</source>
            <translation>项目(&amp;P)…</translation>
        </message>
        <message>
            <source>No project for bookmarks</source>
            <translation>没有保存书签的项目</translation>
        </message>
        <message>
            <source>Kept in %1</source>
            <translation>保存在 %1</translation>
        </message>
        <message>
            <source>Bookmarks: %1</source>
            <translation>书签：%1</translation>
        </message>
        <message>
            <source>Give the view a name first</source>
            <translation>请先为视图命名</translation>
        </message>
        <message>
            <source>No project to keep bookmarks in</source>
            <translation>没有可保存书签的项目</translation>
        </message>
        <message>
            <source>Nothing is loaded yet: no view to save</source>
            <translation>尚未加载任何数据：没有可保存的视图</translation>
        </message>
        <message>
            <source>Cannot save the bookmark: %1</source>
            <translation>无法保存书签：%1</translation>
        </message>
        <message>
            <source>Cannot rename the bookmark: %1</source>
            <translation>无法重命名书签：%1</translation>
        </message>
        <message>
            <source>Cannot delete the bookmark: %1</source>
            <translation>无法删除书签：%1</translation>
        </message>
        <message>
            <source>%1: cannot write</source>
            <translation>%1：无法写入</translation>
        </message>
        <message>
            <source>Export bookmarks</source>
            <translation>导出书签</translation>
        </message>
        <message>
            <source>Kiosk tour (*.json)</source>
            <translation>展台导览 (*.json)</translation>
        </message>
        <message>
            <source>Import bookmarks</source>
            <translation>导入书签</translation>
        </message>
        <message>
            <source>Cannot import %1: %2</source>
            <translation>无法导入 %1：%2</translation>
        </message>
        <message>
            <source>Project for bookmarks</source>
            <translation>保存书签的项目</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::AttributeTablePanel</name>
        <message>
            <source>Filter: text, or an expression such as height &gt; 100 and name ~ tower</source>
            <translation>筛选：文本，或表达式，例如 height &gt; 100 and name ~ tower</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>导出(&amp;X)…</translation>
        </message>
        <message>
            <source>Save the rows shown as CSV or GeoPackage</source>
            <translation>将显示的行保存为 CSV 或 GeoPackage</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <source>Choose Show attribute table in a layer&apos;s context menu</source>
            <translation>在图层的右键菜单中选择“显示属性表”</translation>
        </message>
        <message>
            <source>%1: %2 of %3 features</source>
            <translation>%1：%3 个要素中的 %2 个</translation>
        </message>
        <message>
            <source>%1: cannot write</source>
            <translation>%1：无法写入</translation>
        </message>
        <message>
            <source>Export the attribute table</source>
            <translation>导出属性表</translation>
        </message>
        <message>
            <source>CSV (*.csv);;GeoPackage (*.gpkg)</source>
            <translation>CSV (*.csv);;GeoPackage (*.gpkg)</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::ExportImageDialog</name>
        <message>
            <source>Export image</source>
            <translation>导出图像</translation>
        </message>
        <message>
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translation>尺寸(&amp;S)：</translation>
        </message>
        <message>
            <source>Scale bar, north arrow, legend and attribution</source>
            <translation>比例尺、指北针、图例和数据来源</translation>
        </message>
        <message>
            <source>&amp;Decorations:</source>
            <translation>地图要素(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>标题(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>文件(&amp;F)：</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg)</source>
            <translation>图像 (*.png *.jpg)</translation>
        </message>
        <message>
            <source>E&amp;xport</source>
            <translation>导出(&amp;X)</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::OperatorDocks</name>
        <message>
            <source>Attribute table: %1 (features of the loaded tiles)</source>
            <translation>属性表：%1（已加载瓦片的要素）</translation>
        </message>
        <message>
            <source>Bookmark %1</source>
            <translation>书签 %1</translation>
        </message>
        <message>
            <source>&amp;Views</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Attribute table</source>
            <translation>属性表</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>鹰眼图</translation>
        </message>
        <message>
            <source>Export &amp;image…</source>
            <translation>导出图像(&amp;I)…</translation>
        </message>
        <message>
            <source>Render the view at any size, with scale bar, north arrow, legend and attribution</source>
            <translation>以任意尺寸渲染视图，附比例尺、指北针、图例和数据来源</translation>
        </message>
        <message>
            <source>&amp;Bookmark this view…</source>
            <translation>将此视图加为书签(&amp;B)…</translation>
        </message>
        <message>
            <source>Save the camera, the visible layers and the clock time</source>
            <translation>保存相机、可见图层和时钟时间</translation>
        </message>
        <message>
            <source>Attribute table: %1</source>
            <translation>属性表：%1</translation>
        </message>
        <message>
            <source>%1 has no attributes to show</source>
            <translation>%1 没有可显示的属性</translation>
        </message>
        <message>
            <source>N</source>
            <comment>north arrow</comment>
            <translation>北</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>Cannot render %1×%2 off-screen</source>
            <translation>无法离屏渲染 %1×%2</translation>
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation>无法写入 %1</translation>
        </message>
        <message>
            <source>Exported %1 (%2×%3)</source>
            <translation>已导出 %1（%2×%3）</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::MainWindow</name>
        <message>
            <source>Map data © OpenStreetMap contributors (ODbL); sites, cables and sensors are synthetic · citytwin</source>
            <translation>地图数据 © OpenStreetMap 贡献者（ODbL）；站点、光缆和传感器为合成数据 · citytwin</translation>
        </message>
        <message>
            <source>Data: %1 · citytwin</source>
            <translation>数据：%1 · citytwin</translation>
        </message>
    </context>
    <context>
        <name>citytwin::app::FilterErrorText</name>
        <message>
            <source>the end</source>
            <translation>表达式末尾</translation>
        </message>
        <message>
            <source>&apos;%1&apos;</source>
            <translation>“%1”</translation>
        </message>
        <message>
            <source>unclosed %1</source>
            <translation>未闭合的 %1</translation>
        </message>
        <message>
            <source>%1 is not an operator (use and, or)</source>
            <translation>%1 不是运算符（请用 and、or）</translation>
        </message>
        <message>
            <source>unexpected %1</source>
            <translation>意外的 %1</translation>
        </message>
        <message>
            <source>nested too deeply</source>
            <translation>嵌套层数过多</translation>
        </message>
        <message>
            <source>expected &apos;)&apos; but found %1</source>
            <translation>应为“)”，却是 %1</translation>
        </message>
        <message>
            <source>expected an attribute name but found %1</source>
            <translation>应为属性名，却是 %1</translation>
        </message>
        <message>
            <source>expected an operator (= != &lt; &lt;= &gt; &gt;= ~) after &apos;%1&apos;</source>
            <translation>“%1”之后应为运算符（= != &lt; &lt;= &gt; &gt;= ~）</translation>
        </message>
        <message>
            <source>%1 is not a comparison</source>
            <translation>%1 不是比较运算符</translation>
        </message>
        <message>
            <source>expected a value after &apos;%1&apos; but found %2</source>
            <translation>“%1”之后应为值，却是 %2</translation>
        </message>
        <message>
            <source>%1 at character %2</source>
            <translation>%1（第 %2 个字符处）</translation>
        </message>
    </context>
</TS>
