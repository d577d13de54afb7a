// citytwin-tile-reader EXT FOLDER: parses the bytes on stdin with OSG's
// plugin for EXT (relative references resolved in FOLDER) and exits 0 if a
// node came out, 1 if the plugin refused them. A crash is the answer too:
// the parent (IsolatedTileReader) reads the exit status, so a damaged tile
// takes down this process, never the application.

#include <osgDB/Options>
#include <osgDB/Registry>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: citytwin-tile-reader EXT FOLDER < file\n");
        return 2;
    }
    osgDB::ReaderWriter* rw = osgDB::Registry::instance()->getReaderWriterForExtension(argv[1]);
    if (!rw)
        return 1;
    std::istreambuf_iterator<char> begin(std::cin), end;
    std::istringstream in(std::string(begin, end), std::ios::in | std::ios::binary);
    osg::ref_ptr<osgDB::Options> options = new osgDB::Options;
    options->getDatabasePathList().push_front(argv[2]);
    osgDB::ReaderWriter::ReadResult result = rw->readNode(in, options.get());
    return result.validNode() ? 0 : 1;
}
