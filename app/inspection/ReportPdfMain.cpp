// citytwin-report-pdf MODEL.json OUT.pdf [--paper A4|A3]: draws a report
// model written by citytwin-cli --report as PDF. A separate program because
// citytwin-cli links no Qt; it runs on the offscreen platform (no display).

#include <QGuiApplication>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "citytwin/assets/ReportModelJson.h"
#include "inspection/ReportPdfWriter.h"

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--paper")) {
        std::cerr << "usage: citytwin-report-pdf MODEL.json OUT.pdf [--paper A4|A3]\n";
        return 2;
    }
    const std::string paper = argc == 5 ? argv[4] : "A4";
    if (paper != "A4" && paper != "A3") {
        std::cerr << "citytwin-report-pdf: --paper must be A4 or A3\n";
        return 2;
    }
    // No window is opened: offscreen unless the caller chose a platform.
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QGuiApplication app(argc, argv);
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "citytwin-report-pdf: " << argv[1] << ": cannot open\n";
        return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto model = citytwin::assets::parseReportModelJson(text.str(), argv[1]);
    if (!model) {
        for (const auto& d : model.diagnostics())
            std::cerr << "citytwin-report-pdf: " << d.toString() << '\n';
        return 1;
    }
    const QString error = citytwin::app::writeReportPdf(
        model.value(), QString::fromLocal8Bit(argv[2]),
        paper == "A3" ? citytwin::app::Paper::A3 : citytwin::app::Paper::A4);
    if (!error.isEmpty()) {
        std::cerr << "citytwin-report-pdf: " << error.toStdString() << '\n';
        return 1;
    }
    return 0;
}
