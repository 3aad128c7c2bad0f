#pragma once

#include "core/requestlog/LoggedRequest.h"

#include <QObject>
#include <QSaveFile>
#include <QTimer>

#include <memory>

namespace gatehouse::ui {

// Writes a snapshot of rows to CSV (RFC 4180) or JSON Lines in chunks, one chunk per event-loop
// pass, so that a large export leaves the window responsive and can be cancelled. Writes through
// QSaveFile: a cancelled or failed export leaves no partial file behind.
class RequestLogExporter : public QObject
{
    Q_OBJECT

public:
    enum class Format { Csv, JsonLines };
    static constexpr int kRowsPerChunk = 2000;

    RequestLogExporter(QList<LoggedRequest> rows, QString path, Format format, QObject* parent = nullptr);
    ~RequestLogExporter() override;

    // ".jsonl" and ".ndjson" mean JSON Lines; anything else CSV.
    static Format formatForPath(const QString& path);

    void start();
    void cancel();
    int total() const { return int(m_rows.size()); }

    // One row as the exports write it: CSV with the fields and names of `gatehouse-cli logs --json`, and JSON Lines
    // in its very format (requestlogjson::line).
    static QByteArray csvHeader();
    static QByteArray csvLine(const LoggedRequest& row);
    static QByteArray jsonLine(const LoggedRequest& row);

Q_SIGNALS:
    void progress(int done, int total);
    // ok false with an empty message: cancelled.
    void finished(bool ok, const QString& message);

private:
    void writeChunk();
    void finish(bool ok, const QString& message);

    QList<LoggedRequest> m_rows;
    QString m_path;
    Format m_format;
    std::unique_ptr<QSaveFile> m_file;
    QTimer m_chunkTimer;
    int m_done = 0;
    bool m_finished = false;
};

} // namespace gatehouse::ui
