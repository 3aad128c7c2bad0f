#include "ui/livelog/RequestDetailsPane.h"

#include "ui/livelog/RequestLogModel.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

RequestDetailsPane::RequestDetailsPane(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Select a request to see all its recorded fields."));
}

void RequestDetailsPane::showRequest(const LoggedRequest* request)
{
    if (!request) {
        clear();
        return;
    }
    setPlainText(describe(*request));
}

QString RequestDetailsPane::describe(const LoggedRequest& request)
{
    const RequestEvent& e = request.event;
    const QString none = tr("—");
    auto orNone = [&none](const QString& text) { return text.isEmpty() ? none : text; };
    auto named = [&](const QString& name, qint64 id) {
        if (id <= 0)
            return none;
        return name.isEmpty() ? tr("#%1 (since removed)").arg(id) : tr("%1 (#%2)").arg(name).arg(id);
    };
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(e.timeMs);
    QString token = named(request.tokenName, e.tokenId);
    if (e.tokenId > 0 && !request.tokenHint.isEmpty())
        token += tr(", ends in …%1").arg(request.tokenHint);

    QStringList lines;
    auto add
        = [&lines](const QString& label, const QString& value) { lines.append(label + QStringLiteral(": ") + value); };
    add(tr("Time"),
        tr("%1 (%2 UTC)")
            .arg(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t")),
                at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))));
    add(tr("Request id"), orNone(QString::fromLatin1(e.requestId)));
    add(tr("Log entry"), QString::number(request.id));
    add(tr("Method"), orNone(QString::fromLatin1(e.method)));
    add(tr("Path"), orNone(QString::fromUtf8(e.path)));
    add(tr("API"), named(e.apiName, e.apiId));
    add(tr("Consumer"), named(e.consumerName, e.consumerId));
    add(tr("Token"), token);
    add(tr("Status"), e.status > 0 ? QString::number(e.status) : tr("none (the connection closed first)"));
    add(tr("Upstream status"), e.upstreamStatus > 0 ? QString::number(e.upstreamStatus) : tr("not reached"));
    add(tr("Refused by the gateway"), RequestLogModel::isRejected(e) ? tr("yes") : tr("no"));
    if (!e.rejectReason.isEmpty())
        add(tr("Reason"), QString::fromUtf8(e.rejectReason));
    add(tr("Latency"), tr("%1 ms").arg(QLocale().toString(double(e.latencyUs) / 1000.0, 'f', 3)));
    add(tr("Bytes in"), QLocale().toString(e.bytesIn));
    add(tr("Bytes out"), QLocale().toString(e.bytesOut));
    add(tr("Client address"), orNone(QString::fromLatin1(e.clientAddress)));
    add(tr("Error"), orNone(QString::fromUtf8(e.error)));
    if (e.providerId > 0) {
        add(tr("AI provider"), named(e.providerName, e.providerId));
        add(tr("Model"), orNone(e.model));
        add(tr("Tokens in"), e.tokensIn >= 0 ? QLocale().toString(e.tokensIn) : tr("not reported"));
        add(tr("Tokens out"), e.tokensOut >= 0 ? QLocale().toString(e.tokensOut) : tr("not reported"));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace gatehouse::ui
