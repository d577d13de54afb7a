#pragma once
// Frames without a GL context for paging tests: OSG's real DatabasePager
// (its own threads), an update traversal (merges, the memory budget) and a
// cull traversal from a camera pose, which is what asks the pager for the
// PagedLOD children in view. Nothing is drawn.

#include <osg/Camera>
#include <osg/FrameStamp>
#include <osg/Geometry>
#include <osg/Group>
#include <osgDB/DatabasePager>
#include <osgUtil/CullVisitor>
#include <osgUtil/UpdateVisitor>

#include <chrono>
#include <thread>

namespace citytwin::test {

class HeadlessPaging {
public:
    explicit HeadlessPaging(osg::Group* root) : _root(root) {
        _pager = new osgDB::DatabasePager;
        _camera = new osg::Camera;
        _camera->setViewport(0, 0, 800, 500);
        _camera->setProjectionMatrixAsPerspective(35.0, 800.0 / 500.0, 1.0, 1e6);
        _stamp = new osg::FrameStamp;
    }
    ~HeadlessPaging() { _pager->cancel(); }

    osgDB::DatabasePager* pager() const { return _pager.get(); }
    osg::Camera* camera() const { return _camera.get(); }
    unsigned frameNumber() const { return _frame; }

    /// One frame: merge what the pager loaded, update, cull from eye to centre.
    void frame(const osg::Vec3d& eye, const osg::Vec3d& centre) {
        ++_frame;
        _stamp->setFrameNumber(_frame);
        _stamp->setReferenceTime(_frame / 60.0);
        _stamp->setSimulationTime(_frame / 60.0);
        _pager->signalBeginFrame(_stamp.get());
        _pager->updateSceneGraph(*_stamp);

        osg::ref_ptr<osgUtil::UpdateVisitor> update = new osgUtil::UpdateVisitor;
        update->setFrameStamp(_stamp.get());
        update->setTraversalNumber(_frame);
        _root->accept(*update);

        _camera->setViewMatrixAsLookAt(eye, centre, osg::Vec3d(0, 0, 1));
        osg::ref_ptr<osgUtil::CullVisitor> cull = new osgUtil::CullVisitor;
        osg::ref_ptr<osgUtil::StateGraph> graph = new osgUtil::StateGraph;
        osg::ref_ptr<osgUtil::RenderStage> stage = new osgUtil::RenderStage;
        cull->setFrameStamp(_stamp.get());
        cull->setTraversalNumber(_frame);
        cull->inheritCullSettings(*_camera);
        cull->setDatabaseRequestHandler(_pager.get());
        cull->setStateGraph(graph.get());
        cull->setRenderStage(stage.get());
        stage->setViewport(_camera->getViewport());
        cull->pushViewport(_camera->getViewport());
        cull->pushProjectionMatrix(new osg::RefMatrix(_camera->getProjectionMatrix()));
        cull->pushModelViewMatrix(new osg::RefMatrix(_camera->getViewMatrix()),
                                  osg::Transform::ABSOLUTE_RF);
        _root->accept(*cull);
        // Counted now: the leaves forget their drawables with the visitor.
        _culledPoints = pointsIn(*graph);
        cull->popModelViewMatrix();
        cull->popProjectionMatrix();
        cull->popViewport();
        _pager->signalEndFrame();
    }

    /// GL_POINTS vertices the last frame's cull would draw.
    std::size_t culledPoints() const { return _culledPoints; }

    bool pagerIdle() const {
        return _pager->getFileRequestListSize() == 0 && _pager->getDataToCompileListSize() == 0 &&
               _pager->getDataToMergeListSize() == 0 && !_pager->getRequestsInProgress();
    }

    /// Frames at one pose until the pager has nothing left to do (or
    /// maxFrames); afterFrame() runs after each.
    template <typename AfterFrame>
    void settle(const osg::Vec3d& eye, const osg::Vec3d& centre, AfterFrame afterFrame,
                int maxFrames = 1000) {
        // Idle for several frames in a row: a merge makes the next cull ask
        // for the next level.
        int idleFrames = 0;
        for (int i = 0; i < maxFrames && idleFrames < 10; ++i) {
            frame(eye, centre);
            afterFrame();
            idleFrames = pagerIdle() ? idleFrames + 1 : 0;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    void settle(const osg::Vec3d& eye, const osg::Vec3d& centre) {
        settle(eye, centre, [] {});
    }

private:
    static std::size_t pointsIn(const osgUtil::StateGraph& graph) {
        std::size_t n = 0;
        for (const auto& leaf : graph._leaves)
            if (const osg::Geometry* g = leaf->getDrawable()->asGeometry())
                for (const auto& set : g->getPrimitiveSetList())
                    if (set->getMode() == GL_POINTS)
                        n += set->getNumIndices();
        for (const auto& [stateSet, child] : graph._children)
            n += pointsIn(*child);
        return n;
    }

    std::size_t _culledPoints = 0;
    osg::ref_ptr<osg::Group> _root;
    osg::ref_ptr<osgDB::DatabasePager> _pager;
    osg::ref_ptr<osg::Camera> _camera;
    osg::ref_ptr<osg::FrameStamp> _stamp;
    unsigned _frame = 0;
};

}  // namespace citytwin::test
