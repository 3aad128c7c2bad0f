#include "ui/shell/PlaceholderPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

PlaceholderPage::PlaceholderPage(QString title, const QString& explanation, QWidget* parent)
    : Page(parent)
    , m_title(std::move(title))
{
    auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(m_title.toHtmlEscaped()), this);
    auto* text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("placeholderText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    heading->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 24, 48, 24);
    layout->addStretch();
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch();
}

} // namespace gatehouse::ui
