#include "citytwin/geo/GdalSupport.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

#include "citytwin/geo/Log.h"

namespace citytwin::geo {

namespace {
void CPL_STDCALL routeToLog(CPLErr errClass, CPLErrorNum, const char* msg) {
    if (!msg)
        return;
    if (errClass >= CE_Failure)
        logError(std::string("GDAL: ") + msg);
    else if (errClass == CE_Warning)
        logWarning(std::string("GDAL: ") + msg);
    else
        logDebug(std::string("GDAL: ") + msg);
}
}  // namespace

void ensureGdalInitialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(routeToLog);
        // Read shapefiles' .cpg and honour declared encodings.
        CPLSetConfigOption("SHAPE_RESTORE_SHX", "NO");
    });
}

GdalErrorCapture::GdalErrorCapture() {
    CPLPushErrorHandlerEx(
        [](CPLErr c, CPLErrorNum n, const char* m) {
            auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
            if (!self)
                return;
            (void)n;
            if (!m)
                return;
            if (c >= CE_Failure)
                self->_errors.emplace_back(m);
            else if (c == CE_Warning)
                self->_warnings.emplace_back(m);
        },
        this);
}

GdalErrorCapture::~GdalErrorCapture() {
    CPLPopErrorHandler();
}

std::string GdalErrorCapture::lastError(const std::string& fallback) const {
    return _errors.empty() ? fallback : _errors.back();
}

}  // namespace citytwin::geo
