#include "core/requestlog/RequestEvent.h"

namespace gatehouse {

QByteArray RequestEvent::redactQuery(const QByteArray& target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return target; // shared, not copied
    QByteArray redacted = target.first(question + 1);
    const QByteArrayView query = QByteArrayView(target).sliced(question + 1);
    qsizetype start = 0;
    bool first = true;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView pair = query.sliced(start, end - start);
        if (!pair.isEmpty()) {
            if (!first)
                redacted += '&';
            const qsizetype equals = pair.indexOf('=');
            redacted += equals < 0 ? pair : pair.first(equals + 1);
            first = false;
        }
        start = end + 1;
    }
    return redacted;
}

} // namespace gatehouse
