#pragma once

#include "core/catalog/Api.h"
#include "ui/common/CatalogTablePage.h"

#include <optional>

namespace gatehouse::ui {

class ApiTableModel;
class ConsoleServices;

// The APIs page: every API the gateway exposes, how many usable tokens grant it, and the
// add/edit dialog and removal. Follows catalog changes from anywhere (another admin, the CLI).
class ApisPage : public CatalogTablePage
{
    Q_OBJECT

public:
    explicit ApisPage(ConsoleServices& services, QWidget* parent = nullptr);

    QString title() const override;
    ApiTableModel* model() const { return m_model; }

protected:
    void addItem() override { openDialog(std::nullopt); }
    void editRow(int sourceRow) override;
    void removeRows(const QList<int>& sourceRows) override;
    Result<void> reloadModel() override;

private:
    ApisPage(ConsoleServices& services, ApiTableModel* model, QWidget* parent);
    void openDialog(std::optional<Api> existing);

    ApiTableModel* m_model = nullptr;
};

} // namespace gatehouse::ui
