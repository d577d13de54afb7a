#include "scene/LabelFont.h"

#include <osgDB/FileUtils>

namespace citytwin::render {

osg::ref_ptr<osgText::Font> labelFont() {
    for (const char* path : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                             "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}) {
        if (osgDB::fileExists(path))
            if (auto f = osgText::readRefFontFile(path))
                return f;
    }
    return osgText::Font::getDefaultFont();
}

std::mutex& textSetupMutex() {
    static std::mutex mutex;
    return mutex;
}

}  // namespace citytwin::render
