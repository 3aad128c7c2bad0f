#pragma once

#include "core/catalog/Consumer.h"
#include "ui/common/CatalogTablePage.h"

#include <optional>

namespace gatehouse::ui {

class ConsoleServices;
class ConsumerTableModel;
class FilterableTable;

// The consumers page: who holds tokens, how many are usable, when they were last used; the
// add/edit dialog, and removal by the CLI's rule: a consumer with usable tokens is removed only
// together with revoking them, which the confirmation offers.
class ConsumersPage : public CatalogTablePage
{
    Q_OBJECT

public:
    explicit ConsumersPage(ConsoleServices& services, QWidget* parent = nullptr);

    QString title() const override;
    ConsumerTableModel* model() const { return m_model; }

protected:
    void addItem() override { openDialog(std::nullopt); }
    void editRow(int sourceRow) override;
    void removeRows(const QList<int>& sourceRows) override;
    Result<void> reloadModel() override;

private:
    ConsumersPage(ConsoleServices& services, ConsumerTableModel* model, QWidget* parent);
    void openDialog(std::optional<Consumer> existing);

    ConsumerTableModel* m_model = nullptr;
};

} // namespace gatehouse::ui
