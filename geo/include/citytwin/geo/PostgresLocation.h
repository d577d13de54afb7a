#pragma once
// A project (or any vector source) in a PostgreSQL/PostGIS database instead
// of a file: where a path is accepted, "PG:<libpq conninfo>" (GDAL's form,
// e.g. "PG:host=db.example port=5432 dbname=city user=twin") or a libpq URI
// ("postgresql://twin:secret@db.example:5432/city?sslmode=require", also
// "postgres://") names a database. Both are parsed by libpq
// (PQconninfoParse) and written back as key=value conninfo; GDAL's
// PostgreSQL driver opens "PG:" + that. A connect_timeout (10 s) is added
// when none is given, so that an unreachable server fails instead of hanging.
// Messages name the location with the password masked (maskedLocation).
//
// GDAL's own options of the PostgreSQL driver may come with it, as key=value
// in the "PG:" form or as query parameters of a URI: schemas=a[,b...] (the
// schemas whose tables are listed; one schema is also the active one) and
// active_schema=a (where new layers go and whose tables are listed without a
// "schema." prefix; the project's own tables live there too), tables=...,
// list_all_tables=yes. libpq does not know them: postgresConninfo() leaves
// them out, gdalPostgresName() puts them back after the conninfo.

#include <string>

#include "citytwin/geo/Result.h"

namespace citytwin::geo {

/// The connect_timeout added when the location gives none (seconds).
inline constexpr int kDefaultConnectTimeoutS = 10;

/// Whether `location` names a PostgreSQL database (starts with "PG:",
/// "postgresql://" or "postgres://", case-insensitive for "PG:").
bool isPostgresLocation(const std::string& location);

/// libpq's key=value conninfo for the location (without "PG:"), with
/// connect_timeout added when absent; an error naming the masked location
/// when libpq cannot parse it.
Result<std::string> postgresConninfo(const std::string& location);

/// GDAL's dataset name for the location: "PG:" + postgresConninfo() + the
/// GDAL options it gave (in the order given).
Result<std::string> gdalPostgresName(const std::string& location);

/// The location for messages and window titles: the password replaced by
/// "***" (either form); any other string unchanged.
std::string maskedLocation(const std::string& location);

}  // namespace citytwin::geo
