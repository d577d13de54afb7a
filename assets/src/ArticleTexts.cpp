#include "citytwin/assets/ArticleTexts.h"

#include <array>
#include <utility>

namespace citytwin::assets {
namespace {

struct Entry {
    std::string_view code, zh, en;
};

constexpr std::array<Entry, 15> kSummaries{{
    {"SH-11",
     "新建信息基础设施，同等条件下应优先利用道路综合杆、路灯杆、高架道路、龙门架、道路指示牌、"
     "公交候车亭、公用电话亭等公共建筑或公共设施。",
     "New information infrastructure should, other things equal, first use public buildings or "
     "facilities: integrated road poles, street-lamp poles, elevated roads, gantries, road signs, "
     "bus shelters, public phone booths."},
    {"SH-12",
     "在技术可行、安全的前提下，运营单位应优先共享已有信息基础设施；不能共享的，应当共建。",
     "Where technically feasible and safe, operators shall first share existing infrastructure; "
     "otherwise they build jointly."},
    {"SH-16",
     "机关办公场所，车站、机场、港口、道路、轨道交通、桥梁、隧道，政府投资的医院、展馆、景区和"
     "公共绿地等，应在收到书面通知后向信息基础设施建设开放。",
     "Public institutions' offices; stations, airports, ports, roads, rail, bridges, tunnels, "
     "metro; publicly funded hospitals, exhibition halls, scenic spots and public green space "
     "must open to infrastructure on written notice."},
    {"SH-17",
     "基础电信运营企业应实现住宅小区、办公楼宇室内外及电梯、楼梯间、地下空间等区域的信号覆盖。",
     "Basic telecom operators must cover residential compounds, office buildings indoors and "
     "outdoors, lifts, stairs and underground spaces."},
    {"SH-18/22",
     "运营单位应建立维护管理制度，明确维护频次、方式和责任人并做好记录，定期巡查、维护和管理设施。",
     "Operators keep maintenance rules (frequency, method, responsible person, records) and "
     "patrol, maintain and manage their facilities regularly."},
    {"SH-19",
     "进行施工、拆除、敷设或拆除管线等可能影响信息基础设施的活动前，建设单位应书面告知运营单位并"
     "商定保护措施。",
     "Before construction, demolition, laying or removing pipes and lines or other acts that may "
     "affect infrastructure, the builder must notify the operator in writing and agree "
     "protective measures."},
    {"SH-20",
     "任何单位和个人不得擅自拆除信息基础设施；因征收需要拆除的，应达成协议并先行安排替代设施，"
     "保障服务不中断。",
     "No unauthorised removal; removal for land acquisition needs an agreement and a "
     "replacement so that service is not interrupted."},
    {"SH-21", "不再使用的信息基础设施，其所有人应及时拆除。",
     "Infrastructure no longer in use must be removed promptly by its owner."},
    {"SH-23",
     "信息基础设施应设置统一的警示标志，运营单位应保持其完好，任何单位和个人不得损毁或擅自移动。",
     "Uniform warning signs; operators keep them intact; nobody may damage or move them."},
    {"SH-24-2", "禁止在国家和本市规定的管线保护范围内堆土、钻探、挖沟。",
     "No piling of soil, drilling or trenching inside the protection range of pipelines and "
     "cables set by national and city rules."},
    {"SH-24-3", "禁止在设有标志的水底、海底光缆禁区内抛锚、拖网、挖砂或爆破。",
     "No anchoring, trawling, sand digging or blasting inside marked underwater or submarine "
     "cable prohibited zones."},
    {"SH-24-4", "禁止在信息基础设施上或附近设置可能严重影响其运行的强电磁或信号干扰设备。",
     "No strong electromagnetic or signal-jamming devices on or near infrastructure that may "
     "seriously affect it."},
    {"SH-25",
     "运营单位应制定信息基础设施突发事件应急预案，每年至少组织一次演练；发生灾害或事故后应尽快抢修"
     "恢复。",
     "Operators keep emergency plans for infrastructure incidents and drill them at least once a "
     "year; after disasters or accidents they repair as quickly as possible."},
    {"SCP-7",
     "海底电缆管道两侧保护范围：沿海宽阔海域各 500 米，海湾等狭窄海域各 100 米，海港区内各 50 米。",
     "Protection zone on each side of a submarine cable or pipeline: 500 m in open coastal "
     "waters, 100 m in bays and other narrow waters, 50 m inside port areas."},
    {"SCP-8",
     "保护范围内禁止挖砂、钻探、打桩、抛锚、拖锚、底拖捕捞、张网、养殖等可能危及海底电缆管道的作业"
     "。",
     "Inside the zone: no sand digging, drilling, piling, anchoring, anchor dragging, bottom "
     "trawling, net setting, aquaculture or other work that may endanger the cable."},
}};

}  // namespace

ArticleText articleSummary(std::string_view code) {
    for (const auto& e : kSummaries)
        if (e.code == code)
            return {std::string(e.zh), std::string(e.en)};
    return {};
}

}  // namespace citytwin::assets
