#include "citytwin/render/IsolatedTileReader.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <osg/Group>
#include <osgDB/FileNameUtils>
#include <osgDB/FileUtils>
#include <osgDB/Options>
#include <osgDB/Registry>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "citytwin/geo/Log.h"
#include "citytwin/tilecache/TileCache.h"
#include "osgb/RemoteOsgTile.h"

extern char** environ;

namespace citytwin::render {
namespace {

namespace fs = std::filesystem;

constexpr std::chrono::milliseconds kHelperTimeout{30000};

/// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
};

bool writeAll(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return ::lseek(fd, 0, SEEK_SET) == 0;
}

/// Waits for `pid` until `deadline`; kills it past the deadline.
TileCheck awaitHelper(pid_t pid, std::chrono::steady_clock::time_point deadline) {
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return TileCheck::NoHelper;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return TileCheck::TimedOut;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (WIFSIGNALED(status))
        return TileCheck::Crashed;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return TileCheck::Readable;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
        return TileCheck::Unreadable;
    return TileCheck::NoHelper;  // 127 (exec failed), 2 (usage)
}

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return !in.bad();
}

/// The extensions whose plugins parse binary streams we cannot trust them with.
bool isIsolatedExtension(const std::string& ext) {
    return ext == "osgb" || ext == "osgt" || ext == "osgx" || ext == "ive" || ext == "osg";
}

/// A file as seen at one moment: a changed file is checked again.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtimeNs = 0;
    bool operator==(const FileStamp&) const = default;
};

bool stampOf(const std::string& path, FileStamp& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    out.size = static_cast<std::uintmax_t>(st.st_size);
    out.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return true;
}

/// Verdicts per resolved path, shared by the pager threads and the loaders.
class TileVerdicts {
public:
    enum class Known { No, Good, Damaged };
    Known lookup(const std::string& path, const FileStamp& stamp) const {
        std::lock_guard lock(_mutex);
        if (auto it = _good.find(path); it != _good.end() && it->second == stamp)
            return Known::Good;
        if (auto it = _damaged.find(path); it != _damaged.end() && it->second == stamp)
            return Known::Damaged;
        return Known::No;
    }
    void setGood(const std::string& path, const FileStamp& stamp) {
        std::lock_guard lock(_mutex);
        _good[path] = stamp;
        _damaged.erase(path);
    }
    /// False when another thread already recorded it (so it warns once).
    bool setDamaged(const std::string& path, const FileStamp& stamp) {
        std::lock_guard lock(_mutex);
        _good.erase(path);
        auto [it, inserted] = _damaged.insert_or_assign(path, stamp);
        (void)it;
        return inserted;
    }
    /// A tile file that is not there; false when already known (warn once).
    bool setMissing(const std::string& where) {
        std::lock_guard lock(_mutex);
        return _missing.insert(where).second;
    }
    bool isDamaged(const std::string& path) const {
        std::lock_guard lock(_mutex);
        return _damaged.count(path) != 0;
    }

private:
    mutable std::mutex _mutex;
    std::map<std::string, FileStamp> _good;
    std::map<std::string, FileStamp> _damaged;
    std::set<std::string> _missing;
};

TileVerdicts& verdicts() {
    static TileVerdicts v;
    return v;
}

using ReadResult = osgDB::ReaderWriter::ReadResult;

ReadResult parseInProcess(const std::string& path, const std::string& bytes, const std::string& ext,
                          const std::string& folder, const osgDB::Options* options) {
    osgDB::ReaderWriter* rw = osgDB::Registry::instance()->getReaderWriterForExtension(ext);
    if (!rw)
        return ReadResult::FILE_NOT_HANDLED;
    // What the plugin's own file reading does: relative references
    // (PagedLOD children, textures) resolve in the file's folder.
    osg::ref_ptr<osgDB::Options> local =
        options ? static_cast<osgDB::Options*>(options->clone(osg::CopyOp::SHALLOW_COPY))
                : new osgDB::Options;
    local->getDatabasePathList().push_front(folder);
    std::istringstream in(bytes, std::ios::in | std::ios::binary);
    ReadResult result = rw->readNode(in, local.get());
    if (result.validNode() && result.getNode()->getName().empty())
        result.getNode()->setName(osgDB::getSimpleFileName(path));
    return result;
}

void warnNoHelperOnce(const std::string& helper) {
    static std::once_flag once;
    std::call_once(once, [&] {
        geo::logWarning("tile reader helper '" + helper +
                        "' cannot be run: OSG files are read unchecked in this process, "
                        "and a damaged one can end it");
    });
}

/// The helper's verdict on bytes not judged before (none if `helper` is
/// ""), then the parse here; a damaged tile is answered missing.
ReadResult checkThenParse(const std::string& helper, const std::string& path,
                          const std::string& bytes, const std::string& ext,
                          const std::string& folder, const FileStamp& stamp,
                          TileVerdicts::Known known, const osgDB::Options* options) {
    if (!helper.empty() && known == TileVerdicts::Known::No) {
        // A URL's folder is no local folder for the helper to look in.
        const std::string helperFolder = osgDB::containsServerAddress(path) ? "." : folder;
        const TileCheck check = checkTileBytes(helper, bytes, ext, helperFolder, kHelperTimeout);
        if (check == TileCheck::NoHelper) {
            warnNoHelperOnce(helper);
        } else if (check != TileCheck::Readable) {
            if (verdicts().setDamaged(path, stamp))
                geo::logWarning(path + ": damaged tile (" + describe(check) +
                                "); shown as missing and not read again");
            return ReadResult::FILE_NOT_FOUND;
        } else {
            verdicts().setGood(path, stamp);
        }
    }
    return parseInProcess(path, bytes, ext, folder, options);
}

/// The helper installIsolatedTileReading() chose ("" before it ran).
std::string& installedHelper() {
    static std::string helper;
    return helper;
}

class IsolatedReadFileCallback : public osgDB::ReadFileCallback {
public:
    using ReadResult = osgDB::ReaderWriter::ReadResult;
    explicit IsolatedReadFileCallback(std::string helper) : _helper(std::move(helper)) {}

    ReadResult readNode(const std::string& fileName, const osgDB::Options* options) override {
        const std::string ext = osgDB::getLowerCaseFileExtension(fileName);
        if (!isIsolatedExtension(ext))
            return osgDB::ReadFileCallback::readNode(fileName, options);
        if (osgDB::containsServerAddress(fileName))
            return readRemoteOsgTile(fileName, options);
        const std::string path = osgDB::findDataFile(fileName, options);
        FileStamp stamp;
        if (path.empty() || !stampOf(path, stamp))
            return missingTile(fileName, options);
        const auto known = verdicts().lookup(path, stamp);
        // Missing rather than an error: the pager then asks quietly.
        if (known == TileVerdicts::Known::Damaged)
            return ReadResult::FILE_NOT_FOUND;
        std::string bytes;
        if (!readFile(path, bytes))
            return ReadResult(ReadResult::ERROR_IN_READING_FILE);
        return checkThenParse(_helper, path, bytes, ext, osgDB::getFilePath(path), stamp, known,
                              options);
    }

private:
    /// A child its parent names that is not there (the OSGB sample lacks its
    /// L20 nodes): one warning naming it, then an empty node, so that the
    /// pager does not ask for it again in every frame (it would, ~47 times
    /// a second, for "file not found").
    static ReadResult missingTile(const std::string& fileName, const osgDB::Options* options) {
        std::string where = fileName;
        if (options && !options->getDatabasePathList().empty() && !osgDB::isAbsolutePath(fileName))
            where = osgDB::concatPaths(options->getDatabasePathList().front(), fileName);
        if (verdicts().setMissing(where))
            geo::logWarning(where +
                            ": no such tile file (its parent tile names it); shown as missing "
                            "and not requested again");
        osg::ref_ptr<osg::Group> empty = new osg::Group;
        empty->setName(where + " (missing)");
        return ReadResult(empty.get());
    }

    std::string _helper;
};

}  // namespace

const char* describe(TileCheck check) {
    switch (check) {
        case TileCheck::Readable:
            return "readable";
        case TileCheck::Unreadable:
            return "the OSG reader refused it";
        case TileCheck::Crashed:
            return "the OSG reader crashed on it: truncated or corrupt";
        case TileCheck::TimedOut:
            return "the OSG reader did not finish in time";
        case TileCheck::NoHelper:
            return "the tile reader helper could not be run";
    }
    return "unknown";
}

std::string defaultTileReaderPath() {
    if (const char* env = std::getenv("CITYTWIN_TILE_READER"); env && *env)
        return env;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "citytwin-tile-reader";
    const fs::path beside = self.parent_path() / "citytwin-tile-reader";
    const fs::path installed =
        self.parent_path().parent_path() / "libexec" / "citytwin" / "citytwin-tile-reader";
    return (fs::exists(beside, ec) || !fs::exists(installed, ec) ? beside : installed).string();
}

TileCheck checkTileBytes(const std::string& helper, const std::string& bytes,
                         const std::string& ext, const std::string& folder,
                         std::chrono::milliseconds timeout) {
    // The bytes go through an anonymous file so that a helper dying early
    // cannot block or SIGPIPE us, and it parses exactly what we will parse.
    Fd input{::memfd_create("citytwin-tile", MFD_CLOEXEC)};
    if (input.fd < 0 || !writeAll(input.fd, bytes))
        return TileCheck::NoHelper;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input.fd, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::string argExt = ext, argFolder = folder.empty() ? "." : folder;
    std::string argHelper = helper;
    char* argv[] = {argHelper.data(), argExt.data(), argFolder.data(), nullptr};
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, helper.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return TileCheck::NoHelper;
    return awaitHelper(pid, std::chrono::steady_clock::now() + timeout);
}

void installIsolatedTileReading(const std::string& helperPath) {
    static std::once_flag installed;
    std::call_once(installed, [&] {
        installedHelper() = helperPath.empty() ? defaultTileReaderPath() : helperPath;
        osgDB::Registry::instance()->setReadFileCallback(
            new IsolatedReadFileCallback(installedHelper()));
    });
}

osgDB::ReaderWriter::ReadResult readRemoteOsgTile(const std::string& url,
                                                  const osgDB::Options* options) {
    const std::string ext = osgDB::getLowerCaseFileExtension(url.substr(0, url.find('?')));
    auto bytes = tilecache::fetchShared(url);
    if (!bytes) {
        // A child the server does not have (or offline, not cached): once.
        if (verdicts().setMissing(url))
            geo::logWarning(bytes.messages() + "; shown as missing and not requested again");
        osg::ref_ptr<osg::Group> empty = new osg::Group;
        empty->setName(url + " (missing)");
        return ReadResult(empty.get());
    }
    for (const auto& d : bytes.diagnostics())
        geo::logWarning(d.toString());
    const std::string text(bytes->begin(), bytes->end());
    // The URL's bytes stand for a file's size and mtime: new bytes, new verdict.
    FileStamp stamp;
    stamp.size = text.size();
    stamp.mtimeNs = static_cast<std::int64_t>(std::hash<std::string>{}(text));
    const auto known = verdicts().lookup(url, stamp);
    if (known == TileVerdicts::Known::Damaged)
        return ReadResult::FILE_NOT_FOUND;
    const std::string base = url.substr(0, url.find('?'));
    const std::string folder = base.substr(0, base.rfind('/') + 1);
    return checkThenParse(installedHelper(), url, text, ext, folder, stamp, known, options);
}

bool isKnownDamagedTile(const std::string& path) {
    return verdicts().isDamaged(path);
}

}  // namespace citytwin::render
