#pragma once

#include "core/common/Result.h"
#include "ui/common/Page.h"

#include <QList>

class QAbstractItemModel;

namespace gatehouse::ui {

class ConsoleServices;
class FilterableTable;

// A page over one kind of catalog object that the admin adds, edits and removes (APIs,
// consumers): the filterable table, which of the main window's actions apply to the selection,
// and Return or a double-click to edit. Subclasses supply the dialogs and the removal rules.
class CatalogTablePage : public Page
{
    Q_OBJECT

public:
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    FilterableTable* table() const { return m_table; }

protected:
    CatalogTablePage(ConsoleServices& services, QAbstractItemModel* model, int sortColumn, QWidget* parent);

    virtual void addItem() = 0;
    virtual void editRow(int sourceRow) = 0;
    // The selected rows of the source model, in ascending order; never empty.
    virtual void removeRows(const QList<int>& sourceRows) = 0;
    virtual Result<void> reloadModel() = 0;

    // After a dialog saved: selects the row and says what happened ("API billing renamed to payments").
    void announceSaved(int sourceRow, const QString& kind, const QString& previousName, const QString& name);
    // For the model's reloadFailed signal.
    void reportReloadFailure(const QString& message);

    ConsoleServices& m_services;
    FilterableTable* m_table = nullptr;

private:
    void editSelected();
    void refresh();
};

} // namespace gatehouse::ui
