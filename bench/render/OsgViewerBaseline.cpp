// The baseline for bench/render: what plain `osgviewer FILE.osgb` does
// (osgDB::readNodeFile, an osgViewer::Viewer in its own window, default
// state), with two additions osgviewer lacks: the same camera as citytwin's
// view and an exit after N frames, so both can be timed in one script.
//
// usage: bench_osgviewer_baseline FILE.osgb WIDTH HEIGHT FRAMES ORIGIN_LON ORIGIN_LAT
//                                 LON,LAT,HEIGHT,HEADING,PITCH
// prints one line: osgviewer first_frame_ms=... frames=... frame_ms_median=... frame_ms_mean=...

#include <osgDB/ReadFile>
#include <osgViewer/Viewer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "citytwin/render/CameraPose.h"

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
    const auto start = Clock::now();
    if (argc != 8) {
        std::fprintf(stderr,
                     "usage: %s FILE.osgb WIDTH HEIGHT FRAMES ORIGIN_LON ORIGIN_LAT "
                     "LON,LAT,HEIGHT,HEADING,PITCH\n",
                     argv[0]);
        return 2;
    }
    const int width = std::atoi(argv[2]);
    const int height = std::atoi(argv[3]);
    const int frames = std::atoi(argv[4]);
    const citytwin::geo::LocalFrame frame({std::atof(argv[5]), std::atof(argv[6]), 0.0});
    auto pose = citytwin::render::parseCameraPose(argv[7]);
    if (!pose) {
        std::fprintf(stderr, "%s\n", pose.messages().c_str());
        return 2;
    }
    osg::ref_ptr<osg::Node> scene = osgDB::readNodeFile(argv[1]);
    if (!scene) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    osgViewer::Viewer viewer;
    viewer.setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer.setUpViewInWindow(0, 0, width, height);
    viewer.setSceneData(scene);
    viewer.getCamera()->setClearColor(osg::Vec4(0.74f, 0.82f, 0.90f, 1.f));
    viewer.getCamera()->setProjectionMatrixAsPerspective(35.0, double(width) / height, 1.0, 1e6);
    viewer.getCamera()->setNearFarRatio(0.0002);
    const auto la = citytwin::render::lookAtFor(*pose, frame);
    viewer.getCamera()->setViewMatrixAsLookAt(la.eye, la.center, la.up);
    viewer.realize();
    viewer.frame();
    const double firstFrameMs = msSince(start);

    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        const auto t = Clock::now();
        viewer.getCamera()->setViewMatrixAsLookAt(la.eye, la.center, la.up);
        viewer.frame();
        // Same as citytwin's measurement: the frame is finished on the GPU.
        viewer.getCamera()->getGraphicsContext()->makeCurrent();
        glFinish();
        ms.push_back(msSince(t));
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    std::printf(
        "osgviewer first_frame_ms=%.0f frames=%zu frame_ms_median=%.3f frame_ms_mean=%.3f\n",
        firstFrameMs, ms.size(), sorted[sorted.size() / 2], sum / ms.size());
    return 0;
}
