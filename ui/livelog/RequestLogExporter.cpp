#include "ui/livelog/RequestLogExporter.h"

#include "core/requestlog/RequestLogJson.h"

#include <QDateTime>

namespace gatehouse::ui {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// RFC 4180: every text field in double quotes, quotes inside doubled; numbers bare.
void appendQuoted(QByteArray& line, const QByteArray& utf8)
{
    line += '"';
    for (char c : utf8) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

} // namespace

RequestLogExporter::RequestLogExporter(QList<LoggedRequest> rows, QString path, Format format, QObject* parent)
    : QObject(parent)
    , m_rows(std::move(rows))
    , m_path(std::move(path))
    , m_format(format)
{
    m_chunkTimer.setInterval(0);
    connect(&m_chunkTimer, &QTimer::timeout, this, &RequestLogExporter::writeChunk);
}

RequestLogExporter::~RequestLogExporter()
{
    if (m_file)
        m_file->cancelWriting();
}

RequestLogExporter::Format RequestLogExporter::formatForPath(const QString& path)
{
    return path.endsWith(QStringLiteral(".jsonl"), Qt::CaseInsensitive)
            || path.endsWith(QStringLiteral(".ndjson"), Qt::CaseInsensitive)
        ? Format::JsonLines
        : Format::Csv;
}

QByteArray RequestLogExporter::csvHeader()
{
    return QByteArrayLiteral(
        "id,time,request_id,method,path,api,consumer,token_id,token_name,token_hint,status,"
        "upstream_status,latency_us,bytes_in,bytes_out,client,error,provider,model,tokens_in,tokens_out\r\n");
}

QByteArray RequestLogExporter::csvLine(const LoggedRequest& row)
{
    const RequestEvent& e = row.event;
    QByteArray line;
    line.reserve(256);
    auto number = [&line](qint64 value) {
        line += QByteArray::number(value);
        line += ',';
    };
    auto text = [&line](const QByteArray& utf8) {
        appendQuoted(line, utf8);
        line += ',';
    };
    number(row.id);
    text(isoTime(e.timeMs).toUtf8());
    text(e.requestId);
    text(e.method);
    text(e.path);
    text(e.apiName.toUtf8());
    text(e.consumerName.toUtf8());
    if (e.tokenId > 0)
        number(e.tokenId);
    else
        line += ',';
    text(row.tokenName.toUtf8());
    text(row.tokenHint.toUtf8());
    number(e.status);
    if (e.upstreamStatus > 0)
        number(e.upstreamStatus);
    else
        line += ',';
    number(e.latencyUs);
    number(e.bytesIn);
    number(e.bytesOut);
    text(e.clientAddress);
    text(e.error);
    // AI requests: the provider and model that answered, and the tokens the provider counted.
    text(e.providerName.toUtf8());
    text(e.model.toUtf8());
    if (e.tokensIn >= 0)
        line += QByteArray::number(e.tokensIn);
    line += ',';
    if (e.tokensOut >= 0)
        line += QByteArray::number(e.tokensOut);
    line += "\r\n";
    return line;
}

QByteArray RequestLogExporter::jsonLine(const LoggedRequest& row)
{
    return requestlogjson::line(row);
}

void RequestLogExporter::start()
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        finish(false, tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    if (m_format == Format::Csv)
        m_file->write(csvHeader());
    Q_EMIT progress(0, total());
    m_chunkTimer.start();
}

void RequestLogExporter::cancel()
{
    finish(false, QString());
}

void RequestLogExporter::writeChunk()
{
    const int end = qMin(m_done + kRowsPerChunk, total());
    QByteArray chunk;
    chunk.reserve(qsizetype(end - m_done) * 256);
    for (int i = m_done; i < end; ++i)
        chunk += m_format == Format::Csv ? csvLine(m_rows.at(i)) : jsonLine(m_rows.at(i));
    if (m_file->write(chunk) != chunk.size()) {
        finish(false, tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    m_done = end;
    Q_EMIT progress(m_done, total());
    if (m_done < total())
        return;
    if (!m_file->commit()) {
        const QString message = tr("Cannot write %1: %2").arg(m_path, m_file->errorString());
        m_file.reset();
        finish(false, message);
        return;
    }
    m_file.reset();
    finish(true, QString());
}

void RequestLogExporter::finish(bool ok, const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_chunkTimer.stop();
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    Q_EMIT finished(ok, message);
}

} // namespace gatehouse::ui
