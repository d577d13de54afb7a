#include "PgProject.h"

#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectChangeWatcher.h"

namespace citytwin::geo::detail {
namespace {

std::string doubled(const std::string& s, char q) {
    std::string out(1, q);
    for (char c : s) {
        out += c;
        if (c == q)
            out += q;
    }
    return out + q;
}

/// The trigger function every layer table calls: the table's name is the layer's.
std::string notifyFunctionSql() {
    return std::string(
               "CREATE OR REPLACE FUNCTION citytwin_notify_layer_changed() RETURNS trigger "
               "LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify(") +
           sqlLiteral(kProjectChangeChannel) + ", TG_TABLE_NAME::text); RETURN NULL; END $$";
}

/// GDAL's PostgreSQL messages start with its own words; libpq's reason follows.
std::string tidy(std::string message) {
    for (const char* noise : {"PQconnectdb failed.\n", "PQconnectdb failed: "})
        if (auto at = message.find(noise); at != std::string::npos)
            message.erase(at, std::string(noise).size());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    for (auto& c : message)
        if (c == '\n')
            c = ' ';
    return message;
}

}  // namespace

std::string sqlLiteral(const std::string& text) {
    return doubled(text, '\'');
}

std::string sqlIdentifier(const std::string& name) {
    return doubled(name, '"');
}

Result<DatasetPtr> openPgDataset(const std::string& location, bool update) {
    using R = Result<DatasetPtr>;
    ensureGdalInitialised();
    const std::string where = maskedLocation(location);
    auto name = gdalPostgresName(location);
    CITYTWIN_RETURN_IF_FAILED(name);
    GdalErrorCapture capture;
    const char* drivers[] = {"PostgreSQL", nullptr};
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    DatasetPtr ds(GDALDataset::Open(name->c_str(), flags, drivers, nullptr, nullptr));
    if (!ds)
        return R::failure("cannot connect to the database: " +
                              tidy(capture.lastError("GDAL's PostgreSQL driver refused it")),
                          where);
    auto postgis = pgColumn(*ds, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'");
    if (!postgis)
        return R::failure("cannot query the database: " + postgis.messages(), where);
    if (postgis->empty())
        return R::failure("the database has no PostGIS (as its owner: CREATE EXTENSION postgis;)",
                          where);
    return ds;
}

bool pgExecute(GDALDataset& ds, const std::string& sql, std::string& error) {
    GdalErrorCapture capture;
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result)
        ds.ReleaseResultSet(result);
    if (!capture.errors().empty()) {
        // A failed COPY of the features surfaces here: its reason comes first.
        error.clear();
        for (const auto& e : capture.errors())
            error += (error.empty() ? "" : "; ") + tidy(e);
        return false;
    }
    return true;
}

Result<std::vector<std::optional<std::string>>> pgColumn(GDALDataset& ds, const std::string& sql) {
    using R = Result<std::vector<std::optional<std::string>>>;
    GdalErrorCapture capture;
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    std::vector<std::optional<std::string>> out;
    if (result) {
        for (auto& f : *result)
            out.push_back(f->IsFieldSetAndNotNull(0)
                              ? std::optional<std::string>(f->GetFieldAsString(0))
                              : std::nullopt);
        ds.ReleaseResultSet(result);
    }
    if (!capture.errors().empty())
        return R::failure(tidy(capture.lastError("")));
    return out;
}

Result<OpenedProject> openPgProject(const std::string& location, bool update) {
    using R = Result<OpenedProject>;
    const std::string where = maskedLocation(location);
    auto ds = openPgDataset(location, update);
    CITYTWIN_RETURN_IF_FAILED(ds);
    auto exists = pgColumn(
        **ds, std::string("SELECT to_regclass(") + sqlLiteral(kPgProjectTable) + ")::text");
    if (!exists)
        return R::failure("cannot query the database: " + exists.messages(), where);
    if (exists->empty() || !exists->front())
        return R::failure(std::string("is a PostGIS database but not a citytwin project (no ") +
                              kPgProjectTable +
                              " table); import into it to make it one (citytwin-cli import)",
                          where);
    auto def = pgColumn(**ds, std::string("SELECT value FROM ") + kPgProjectTable +
                                  " WHERE key = " + sqlLiteral(kProjectCrsKey));
    if (!def || def->empty() || !def->front() || def->front()->empty())
        return R::failure(
            std::string("the project has no CRS (") + kPgProjectTable + "." + kProjectCrsKey + ")",
            where);
    auto crs = Crs::fromString(*def->front());
    if (!crs)
        return R::failure("project CRS is not readable: " + crs.messages(), where);
    return OpenedProject{std::move(ds).value(), crs.value()};
}

Result<bool> isPgProject(const std::string& location) {
    auto ds = openPgDataset(location, /*update=*/false);
    CITYTWIN_RETURN_IF_FAILED(ds);
    auto exists = pgColumn(
        **ds, std::string("SELECT to_regclass(") + sqlLiteral(kPgProjectTable) + ")::text");
    if (!exists)
        return Result<bool>::failure("cannot query the database: " + exists.messages(),
                                     maskedLocation(location));
    return !exists->empty() && exists->front().has_value();
}

Result<Crs> createPgProject(const std::string& location, const Crs& crs) {
    using R = Result<Crs>;
    const std::string where = maskedLocation(location);
    auto ds = openPgDataset(location, /*update=*/true);
    CITYTWIN_RETURN_IF_FAILED(ds);
    GDALDataset& db = **ds;
    std::string error;
    if (db.StartTransaction(TRUE) != OGRERR_NONE)
        return R::failure("cannot start a transaction", where);
    const std::string statements[] = {
        std::string("CREATE TABLE ") + kPgProjectTable +
            " (key text PRIMARY KEY, value text NOT NULL)",
        std::string("CREATE TABLE IF NOT EXISTS ") + kPgImportsTable +
            " (id bigserial PRIMARY KEY, layer text NOT NULL, source text NOT NULL, "
            "source_crs text NOT NULL, source_crs_label text NOT NULL, encoding text NOT NULL, "
            "imported_at text NOT NULL, features_written bigint NOT NULL)",
        std::string("CREATE INDEX IF NOT EXISTS citytwin_layer_imports_layer ON ") +
            kPgImportsTable + " (layer, id)",
        notifyFunctionSql(),
        std::string("INSERT INTO ") + kPgProjectTable + " VALUES (" + sqlLiteral(kProjectCrsKey) +
            ", " + sqlLiteral(crs.definition()) + "), (" + sqlLiteral(kProjectFormatKey) +
            ", '1')"};
    for (const auto& sql : statements) {
        if (!pgExecute(db, sql, error)) {
            db.RollbackTransaction();
            if (error.find("already exists") != std::string::npos)
                return R::failure("is already a citytwin project; open it instead", where);
            return R::failure("cannot create the project tables: " + error, where);
        }
    }
    if (db.CommitTransaction() != OGRERR_NONE)
        return R::failure("cannot commit the project tables", where);
    return crs;
}

std::vector<LayerImportRecord> readPgImportRecords(GDALDataset& ds, const std::string& layer) {
    std::vector<LayerImportRecord> out;
    GdalErrorCapture quiet;  // an old project without history reads as none
    const std::string sql = std::string(
                                "SELECT source, source_crs, source_crs_label, encoding, "
                                "imported_at, features_written FROM ") +
                            kPgImportsTable + " WHERE layer = " + sqlLiteral(layer) +
                            " ORDER BY id";
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result)
        return out;
    for (auto& f : *result) {
        LayerImportRecord r;
        r.sourcePath = f->GetFieldAsString(0);
        r.sourceCrs = f->GetFieldAsString(1);
        r.sourceCrsLabel = f->GetFieldAsString(2);
        r.encoding = f->GetFieldAsString(3);
        r.importedAtUtc = f->GetFieldAsString(4);
        r.featuresWritten = f->GetFieldAsInteger64(5);
        out.push_back(std::move(r));
    }
    ds.ReleaseResultSet(result);
    return out;
}

bool recordPgImport(GDALDataset& ds, const std::string& layer, const LayerImportRecord& r,
                    bool replacedHistory, std::string& error) {
    const std::string table = sqlIdentifier(layer);
    std::vector<std::string> statements;
    if (replacedHistory)
        statements.push_back(std::string("DELETE FROM ") + kPgImportsTable +
                             " WHERE layer = " + sqlLiteral(layer));
    statements.push_back(std::string("INSERT INTO ") + kPgImportsTable +
                         " (layer, source, source_crs, source_crs_label, encoding, imported_at, "
                         "features_written) VALUES (" +
                         sqlLiteral(layer) + ", " + sqlLiteral(r.sourcePath) + ", " +
                         sqlLiteral(r.sourceCrs) + ", " + sqlLiteral(r.sourceCrsLabel) + ", " +
                         sqlLiteral(r.encoding) + ", " + sqlLiteral(r.importedAtUtc) + ", " +
                         std::to_string(r.featuresWritten) + ")");
    // Kept current by every import: a project made by an older citytwin gets it too.
    statements.push_back(notifyFunctionSql());
    statements.push_back(
        "CREATE OR REPLACE TRIGGER citytwin_notify AFTER INSERT OR UPDATE OR "
        "DELETE OR TRUNCATE ON " +
        table + " FOR EACH STATEMENT EXECUTE FUNCTION citytwin_notify_layer_changed()");
    // The import itself changed the layer: say so even if GDAL wrote it before the trigger.
    statements.push_back(std::string("SELECT pg_notify(") + sqlLiteral(kProjectChangeChannel) +
                         ", " + sqlLiteral(layer) + ")");
    for (const auto& sql : statements)
        if (!pgExecute(ds, sql, error))
            return false;
    return true;
}

std::string pgLayerNameProblem(const std::string& name) {
    if (name.size() > 63)
        return "layer name is longer than 63 bytes (PostgreSQL's limit for a table name)";
    if (name.rfind("citytwin_", 0) == 0 || name.rfind("pg_", 0) == 0 || name == "spatial_ref_sys" ||
        name == "geometry_columns" || name == "geography_columns")
        return "layer name '" + name + "' is reserved in a PostgreSQL project";
    return {};
}

}  // namespace citytwin::geo::detail
