#pragma once

#include <QSortFilterProxyModel>

namespace gatehouse::ui {

class RequestLogModel;

// The live log's filters, applied to rows as they stream in: status class, API, consumer, token,
// time range and free text over the path and the request id. Reads the raw fields of the rows,
// never the cell text. Keeps the source's order (newest at the bottom): it does not sort.
class RequestLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum StatusClass {
        Success = 0x01, // 2xx, and likewise below for what the upstream answered
        Redirect = 0x02, // 3xx
        ClientError = 0x04, // 4xx
        ServerError = 0x08, // 5xx
        Rejected = 0x10, // refused by the gateway itself (401, 403, 429, ...)
        Other = 0x20, // no status: the connection closed first (and 1xx)
        AllClasses = 0x3f,
    };

    explicit RequestLogFilter(QObject* parent = nullptr);

    void setLogModel(RequestLogModel* model);
    RequestLogModel* logModel() const { return m_model; }

    // Each row has one class: Rejected for the gateway's own refusals, else its status's class.
    void setStatusClasses(int classes);
    int statusClasses() const { return m_classes; }
    void setApiName(const QString& name); // empty: any
    void setConsumerName(const QString& name); // empty: any
    void setTokenId(qint64 tokenId); // 0: any
    void setText(const QString& text); // path or request id contains it, case-insensitive
    void setTimeRange(qint64 fromMs, qint64 toMs); // 0: open-ended
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }

    bool isFiltering() const;

    static int classOf(int status, bool rejected);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    RequestLogModel* m_model = nullptr;
    int m_classes = AllClasses;
    QString m_api;
    QString m_consumer;
    qint64 m_tokenId = 0;
    QString m_text;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace gatehouse::ui
