#pragma once

#include "ui/common/Page.h"

class QLineEdit;
class QTimer;

namespace gatehouse {
struct Token;
}

namespace gatehouse::ui {

class ConsoleServices;
class TimelineLegend;
class TokenTimeline;

// The "Timeline" page: every token on a time axis (TokenTimeline), with a legend, zoom buttons
// and a filter. It rereads the tokens whenever the catalog moves, whoever moved it, and
// revokes in one click from the context menu, as the Tokens page does.
class TimelinePage : public Page
{
    Q_OBJECT

public:
    explicit TimelinePage(ConsoleServices& services, QWidget* parent = nullptr);

    QString title() const override { return tr("Timeline"); }
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    TokenTimeline* timeline() const { return m_timeline; }

public Q_SLOTS:
    // Shows the token chosen elsewhere (the Tokens page's selection, for instance).
    void selectToken(qint64 tokenId);
    void reload();

Q_SIGNALS:
    // A bar was clicked: the main window selects the token in the Tokens page.
    void tokenActivated(qint64 tokenId);
    // "Rotate" from the context menu: the main window runs the Tokens page's rotate flow, which
    // shows the new token once.
    void rotateRequested(qint64 tokenId);

private:
    void revoke(qint64 tokenId);
    bool matchesFilter(const Token& token) const;

    ConsoleServices& m_services;
    TokenTimeline* m_timeline = nullptr;
    TimelineLegend* m_legend = nullptr;
    QLineEdit* m_filter = nullptr;
    QTimer* m_clockTick = nullptr;
};

} // namespace gatehouse::ui
