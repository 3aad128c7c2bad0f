#pragma once

#include "core/requestlog/LoggedRequest.h"

#include <QByteArray>
#include <QJsonObject>

// The one JSON form of a request-log row, written by `gatehouse-cli logs --json` and the console's JSON Lines export
// alike. Its field names and values are a published format (users' scripts read them): add fields, never rename one.
//
// Texts the log has none of (no API matched, no token, not an AI call) are null rather than "", and so are the
// numbers that stand for "none": token_id and upstream_status when 0, tokens_in and tokens_out when the provider
// reported none, usage_estimated for a request that was not an AI call. Times are UTC, ISO 8601 with milliseconds.
namespace gatehouse::requestlogjson {

QJsonObject object(const LoggedRequest& row);
// The object in compact form followed by '\n': one line of JSON Lines.
QByteArray line(const LoggedRequest& row);

} // namespace gatehouse::requestlogjson
