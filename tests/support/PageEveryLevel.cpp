#include "PageEveryLevel.h"

#include <osg/FrameStamp>
#include <osg/NodeVisitor>
#include <osg/PagedLOD>
#include <osgDB/DatabasePager>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace citytwin::test {

std::size_t pageEveryLevel(osg::Node& root, int maxLevels, std::chrono::milliseconds poll) {
    osg::ref_ptr<osgDB::DatabasePager> pager = new osgDB::DatabasePager;
    pager->setTargetMaximumNumberOfPageLOD(100000);
    osg::ref_ptr<osg::FrameStamp> stamp = new osg::FrameStamp;
    std::size_t requested = 0;
    for (int level = 0; level < maxLevels; ++level) {
        struct Collect : osg::NodeVisitor {
            std::vector<osg::PagedLOD*> found;
            Collect() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
            void apply(osg::PagedLOD& p) override {
                found.push_back(&p);
                traverse(p);
            }
        } collect;
        root.accept(collect);
        std::size_t issued = 0;
        for (osg::PagedLOD* plod : collect.found)
            for (unsigned i = plod->getNumChildren(); i < plod->getNumFileNames(); ++i) {
                if (plod->getFileName(i).empty())
                    continue;
                osg::NodePath path{plod};
                pager->requestNodeFile(plod->getDatabasePath() + plod->getFileName(i), path, 1.0f,
                                       stamp.get(), plod->getDatabaseRequest(i),
                                       plod->getDatabaseOptions());
                ++issued;
            }
        if (issued == 0)
            break;
        requested += issued;
        // A pager that never drains is a failure with a reason, not a hang
        // until the test runner's timeout.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
        while (pager->getRequestsInProgress()) {
            if (std::chrono::steady_clock::now() > deadline) {
                pager->cancel();
                throw std::runtime_error("pageEveryLevel: level " + std::to_string(level) +
                                         " still has requests in progress after 300 s");
            }
            std::this_thread::sleep_for(poll);
            pager->updateSceneGraph(*stamp);
        }
        pager->updateSceneGraph(*stamp);
        // Missing files stay unloaded; asking again would loop forever.
        for (osg::PagedLOD* plod : collect.found)
            for (unsigned i = plod->getNumChildren(); i < plod->getNumFileNames(); ++i)
                plod->setFileName(i, "");
    }
    pager->cancel();
    return requested;
}

}  // namespace citytwin::test
