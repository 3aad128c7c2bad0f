#pragma once

#include "ui/common/Page.h"

class QLabel;

namespace gatehouse::ui {

class AuditTableModel;
class ConsoleServices;
class FilterableTable;

// The audit trail, newest first: who did what to which object. Read-only; the filter narrows
// the listed events as the user types, and new events appear as they are committed anywhere.
class AuditPage : public Page
{
    Q_OBJECT

public:
    // `limit`: how many of the newest events to list (tests use a small one).
    explicit AuditPage(ConsoleServices& services, QWidget* parent = nullptr);
    AuditPage(ConsoleServices& services, int limit, QWidget* parent = nullptr);

    QString title() const override;
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    AuditTableModel* model() const { return m_model; }
    FilterableTable* table() const { return m_table; }
    // "Showing the newest 1000 events ...", visible only when the trail holds more.
    QLabel* limitNotice() const { return m_limitNotice; }

private:
    void refresh();

    ConsoleServices& m_services;
    AuditTableModel* m_model = nullptr;
    FilterableTable* m_table = nullptr;
    QLabel* m_limitNotice = nullptr;
};

} // namespace gatehouse::ui
