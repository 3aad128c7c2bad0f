#pragma once

// The request log has no index on its time column `at`: inserting into one cost about a quarter of each logged
// request's insert. Instead, every batch the log writer commits widens the row of `request_log_spans` for its
// minute to cover the batch's ids (first_id..last_id) and times (min_at..max_at), in the batch's transaction.
//
// So every row lies in a span that covers both its id and its time, and a time range maps to a range of ids:
// a row with at >= X lies in a span whose max_at >= X, so its id is at least the smallest first_id of such spans;
// a row with at < Y lies in a span whose min_at < Y, so its id is at most the largest last_id of those. That holds
// whatever order the clock gave the rows in (a clock set back, two gateways on one catalog). Queries keep their
// `at` conditions and add these bounds, which SQLite reads once and turns into a range of the rowid. A month of
// spans is at most 43,200 short rows.
//
// A span whose ids are all gone is deleted with the purge that took them; a span left over only widens a bound.

#include "core/catalog/sql/SqlDialect.h"

namespace gatehouse::requestlogspans {

// `id >= ` this: the lowest id that can have at >= the bound value (none: the largest id, so nothing matches).
inline constexpr char kFirstIdFrom[]
    = "(SELECT coalesce(min(first_id), 9223372036854775807) FROM request_log_spans WHERE max_at >= ?)";
// `id <= ` this: the highest id that can have at < the bound value (none: 0).
inline constexpr char kLastIdBefore[] = "(SELECT coalesce(max(last_id), 0) FROM request_log_spans WHERE min_at < ?)";
// Widens the span of a minute (bound: minute, first id, last id, earliest and latest time) to cover a batch.
inline constexpr auto kCoverText = sqlDialect::concat(
    "INSERT INTO request_log_spans (minute, first_id, last_id, min_at, max_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (minute) DO UPDATE SET first_id = ",
    sqlDialect::kLeast, "(first_id, excluded.first_id), last_id = ", sqlDialect::kGreatest,
    "(last_id, excluded.last_id), min_at = ", sqlDialect::kLeast,
    "(min_at, excluded.min_at), max_at = ", sqlDialect::kGreatest, "(max_at, excluded.max_at)");
inline constexpr const char* kCover = kCoverText.data();
// Deletes the spans none of whose ids are left.
inline constexpr char kForgetEmptied[] = "DELETE FROM request_log_spans WHERE last_id < "
                                         "(SELECT coalesce(min(id), 9223372036854775807) FROM request_log)";
inline constexpr long long kMsPerSpan = 60'000;

} // namespace gatehouse::requestlogspans
