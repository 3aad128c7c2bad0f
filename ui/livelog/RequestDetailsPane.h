#pragma once

#include "core/requestlog/LoggedRequest.h"

#include <QPlainTextEdit>

namespace gatehouse::ui {

// Every recorded field of the selected request, as selectable text. The log never holds a
// credential (no Authorization value, no query values), and neither does this pane: the token
// appears by name, id and its four-character hint only.
class RequestDetailsPane : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit RequestDetailsPane(QWidget* parent = nullptr);

    // nullptr clears the pane.
    void showRequest(const LoggedRequest* request);

    static QString describe(const LoggedRequest& request);
};

} // namespace gatehouse::ui
