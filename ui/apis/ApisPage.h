#pragma once

#include "core/catalog/Api.h"
#include "ui/common/Page.h"

#include <optional>

namespace gatehouse::ui {

class ApiTableModel;
class ConsoleServices;
class FilterableTable;

// The APIs page: every API the gateway exposes, how many usable tokens grant it, and the
// add/edit dialog and removal. Follows catalog changes from anywhere (another admin, the CLI).
class ApisPage : public Page
{
    Q_OBJECT

public:
    explicit ApisPage(ConsoleServices& services, QWidget* parent = nullptr);

    QString title() const override;
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    ApiTableModel* model() const { return m_model; }
    FilterableTable* table() const { return m_table; }

private:
    void openDialog(std::optional<Api> existing);
    void editSelected();
    void removeSelected();
    void refresh();

    ConsoleServices& m_services;
    ApiTableModel* m_model = nullptr;
    FilterableTable* m_table = nullptr;
};

} // namespace gatehouse::ui
