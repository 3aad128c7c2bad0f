#pragma once

#include "core/catalog/Consumer.h"
#include "ui/common/Page.h"

#include <optional>

namespace gatehouse::ui {

class ConsoleServices;
class ConsumerTableModel;
class FilterableTable;

// The consumers page: who holds tokens, how many are usable, when they were last used; the
// add/edit dialog, and removal by the CLI's rule: a consumer with usable tokens is removed only
// together with revoking them, which the confirmation offers.
class ConsumersPage : public Page
{
    Q_OBJECT

public:
    explicit ConsumersPage(ConsoleServices& services, QWidget* parent = nullptr);

    QString title() const override;
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    ConsumerTableModel* model() const { return m_model; }
    FilterableTable* table() const { return m_table; }

private:
    void openDialog(std::optional<Consumer> existing);
    void editSelected();
    void removeSelected();
    void refresh();

    ConsoleServices& m_services;
    ConsumerTableModel* m_model = nullptr;
    FilterableTable* m_table = nullptr;
};

} // namespace gatehouse::ui
