#include "ui/timeline/TimelinePage.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/timeline/TimelineLegend.h"
#include "ui/timeline/TokenTimeline.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

// States drift with time although nothing is written: "now" moves on this often.
constexpr int kClockTickMs = 30'000;

QToolButton* toolButton(const QString& text, const QString& toolTip, const QString& objectName, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TimelinePage::TimelinePage(ConsoleServices& services, QWidget* parent)
    : Page(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("timelinePage"));
    m_timeline = new TokenTimeline(this);
    m_legend = new TimelineLegend(m_timeline->colours(), this);

    auto* zoomIn = toolButton(tr("Zoom &In"), tr("Show a shorter span (+)"), QStringLiteral("zoomInButton"), this);
    auto* zoomOut = toolButton(tr("Zoom &Out"), tr("Show a longer span (-)"), QStringLiteral("zoomOutButton"), this);
    auto* today = toolButton(tr("&Today"), tr("Bring now back into view (Home)"), QStringLiteral("todayButton"), this);
    connect(zoomIn, &QToolButton::clicked, m_timeline, &TokenTimeline::zoomIn);
    connect(zoomOut, &QToolButton::clicked, m_timeline, &TokenTimeline::zoomOut);
    connect(today, &QToolButton::clicked, m_timeline, &TokenTimeline::showToday);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("timelineFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, consumer or scope"));
    m_filter->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, &TimelinePage::reload);

    auto* bar = new QHBoxLayout;
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(today);
    bar->addSpacing(12);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_legend);
    layout->addWidget(m_timeline, 1);

    setTabOrder(zoomIn, zoomOut);
    setTabOrder(zoomOut, today);
    setTabOrder(today, m_filter);
    setTabOrder(m_filter, m_timeline);

    connect(m_timeline, &TokenTimeline::tokenActivated, this, &TimelinePage::tokenActivated);
    connect(m_timeline, &TokenTimeline::rotateRequested, this, &TimelinePage::rotateRequested);
    connect(m_timeline, &TokenTimeline::revokeRequested, this, &TimelinePage::revoke);
    connect(m_timeline, &TokenTimeline::selectionChanged, this, &TimelinePage::actionsChanged);
    connect(m_timeline, &TokenTimeline::coloursChanged, this, [this] { m_legend->setColours(m_timeline->colours()); });
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &TimelinePage::reload);

    m_clockTick = new QTimer(this);
    m_clockTick->setInterval(kClockTickMs);
    connect(m_clockTick, &QTimer::timeout, this, [this] {
        m_timeline->setNow(m_services.clock.now());
        Q_EMIT actionsChanged();
    });
    m_clockTick->start();

    m_timeline->setNow(m_services.clock.now());
    m_timeline->showToday();
    reload();
}

bool TimelinePage::canPerform(PageAction action) const
{
    switch (action) {
    case PageAction::Find:
    case PageAction::Refresh:
        return true;
    case PageAction::Revoke: {
        const qint64 id = m_timeline->selectedTokenId();
        const int row = m_timeline->timelineLayout().rowOfToken(id);
        return id != 0 && row >= 0
            && tokenState::isUsable(m_timeline->timelineLayout().tokenOfRow(row), m_services.clock.now());
    }
    default:
        return false;
    }
}

void TimelinePage::perform(PageAction action)
{
    switch (action) {
    case PageAction::Find:
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
        break;
    case PageAction::Refresh:
        reload();
        break;
    case PageAction::Revoke:
        if (canPerform(PageAction::Revoke))
            revoke(m_timeline->selectedTokenId());
        break;
    default:
        break;
    }
}

void TimelinePage::selectToken(qint64 tokenId)
{
    m_timeline->setSelectedTokenId(tokenId);
}

void TimelinePage::reload()
{
    auto tokens = m_services.tokens.list();
    if (!tokens) {
        Q_EMIT statusMessage(tr("Cannot read the tokens: %1").arg(tokens.error().message));
        return;
    }
    QList<Token> shown;
    shown.reserve(tokens->size());
    for (Token& token : *tokens) {
        if (matchesFilter(token))
            shown.append(std::move(token));
    }
    m_timeline->setNow(m_services.clock.now());
    m_timeline->setTokens(std::move(shown));
    Q_EMIT actionsChanged();
}

bool TimelinePage::matchesFilter(const Token& token) const
{
    const QString text = m_filter->text().trimmed();
    if (text.isEmpty())
        return true;
    if (token.name.contains(text, Qt::CaseInsensitive) || token.consumerName.contains(text, Qt::CaseInsensitive))
        return true;
    for (const QString& scope : token.scopes) {
        if (scope.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void TimelinePage::revoke(qint64 tokenId)
{
    auto revoked = m_services.tokens.revoke(tokenId);
    if (!revoked) {
        Q_EMIT statusMessage(tr("Cannot revoke token %1: %2").arg(tokenId).arg(revoked.error().message));
        return;
    }
    Q_EMIT statusMessage(tr("Token %1 (%2) revoked").arg(tokenId).arg(revoked->name));
}

} // namespace gatehouse::ui
