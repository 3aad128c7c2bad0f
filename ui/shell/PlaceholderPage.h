#pragma once

#include "ui/common/Page.h"

namespace gatehouse::ui {

// A sidebar page whose feature arrives with a later issue (Overview, Live Log, Timeline, AI
// Providers): it says so plainly rather than showing an empty table.
class PlaceholderPage : public Page
{
    Q_OBJECT

public:
    PlaceholderPage(QString title, const QString& explanation, QWidget* parent = nullptr);

    QString title() const override { return m_title; }

private:
    QString m_title;
};

} // namespace gatehouse::ui
