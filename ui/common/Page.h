#pragma once

#include <QWidget>

namespace gatehouse::ui {

// What the main window's toolbar actions and shortcuts ask of the current page.
enum class PageAction {
    New, // Ctrl+N: add an item (API, consumer, token)
    Edit, // Return / double-click: edit the selected item
    Remove, // Delete: remove the selected items, after a confirmation
    Revoke, // Ctrl+R: revoke the selected tokens, at once and without a dialog
    Find, // Ctrl+F: focus the page's filter field
    Refresh, // F5: reread from the catalog
};

// One page of the console's sidebar. The main window owns the actions; a page says which of them
// apply right now (canPerform, re-asked when it emits actionsChanged) and carries them out.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual bool canPerform(PageAction action) const
    {
        Q_UNUSED(action);
        return false;
    }
    virtual void perform(PageAction action) { Q_UNUSED(action); }

Q_SIGNALS:
    // The selection or the data changed: the main window re-asks canPerform for each action.
    void actionsChanged();
    // A short message for the status bar ("Token 12 revoked").
    void statusMessage(const QString& message);
};

} // namespace gatehouse::ui
