#include "ui/tokens/TokensPage.h"

#include "core/catalog/Catalog.h"
#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"
#include "ui/tokens/NewTokenDialog.h"
#include "ui/tokens/RotateTokenDialog.h"
#include "ui/tokens/TokenDetailsPane.h"
#include "ui/tokens/TokenLimitsDialog.h"
#include "ui/tokens/TokenStateDelegate.h"
#include "ui/tokens/TokenTableModel.h"
#include "ui/tokens/TokenUsageLoader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

constexpr int kAllStates = -1;

} // namespace

TokensPage::TokensPage(ConsoleServices& services, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_table(new FilterableTable(this))
    , m_details(new TokenDetailsPane(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_new(new QPushButton(tr("&New Token…"), this))
    , m_revoke(new QPushButton(tr("Re&voke"), this))
    , m_rotate(new QPushButton(tr("R&otate…"), this))
    , m_limits(new QPushButton(tr("&Limits…"), this))
    , m_consumer(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_usageLoader(new TokenUsageLoader(this))
    , m_usageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("tokensPage"));
    // The consumer filter must follow a rename before the model rereads by consumer name, or the
    // model would briefly drop every row of the renamed consumer: connect this first (slots run in
    // connection order), then build the model, which connects its own reread.
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &TokensPage::reloadConsumers);
    m_model = new TokenTableModel(services, this);
    // After the model's reread: the details follow any change (a token's limits, its consumer's budget).
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &TokensPage::selectionChanged);

    m_new->setObjectName(QStringLiteral("newToken"));
    m_revoke->setObjectName(QStringLiteral("revokeSelected"));
    m_revoke->setToolTip(tr("Revoke the selected tokens now, without asking: the gateway refuses them from the next "
                            "request (Ctrl+R)"));
    m_rotate->setObjectName(QStringLiteral("rotateSelected"));
    m_rotate->setToolTip(tr("Issue a successor to the selected token, with a grace period for the old one"));
    m_limits->setObjectName(QStringLiteral("editLimits"));
    m_limits->setToolTip(tr("Change the selected token's rate limit, AI budgets and AI limits"));
    connect(m_limits, &QPushButton::clicked, this, [this] {
        if (const Token* token = currentToken())
            editLimits(token->id);
    });
    connect(m_new, &QPushButton::clicked, this, &TokensPage::newToken);
    connect(m_revoke, &QPushButton::clicked, this, &TokensPage::revokeSelected);
    connect(m_rotate, &QPushButton::clicked, this, [this] {
        if (const Token* token = currentToken())
            rotate(token->id);
    });

    m_consumer->setObjectName(QStringLiteral("consumerFilter"));
    m_consumer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All states"), kAllStates);
    m_state->addItem(tr("Active"), int(TokenState::Active));
    m_state->addItem(tr("Expiring"), int(TokenState::Expiring));
    m_state->addItem(tr("Expired"), int(TokenState::Expired));
    m_state->addItem(tr("Revoked"), int(TokenState::Revoked));
    m_state->setItemData(1, tr("Every usable token, the expiring ones included"), Qt::ToolTipRole);
    auto* consumerLabel = new QLabel(tr("&Consumer:"), this);
    consumerLabel->setBuddy(m_consumer);
    auto* stateLabel = new QLabel(tr("&State:"), this);
    stateLabel->setBuddy(m_state);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_new);
    toolbar->addWidget(m_revoke);
    toolbar->addWidget(m_rotate);
    toolbar->addWidget(m_limits);
    toolbar->addStretch(1);
    toolbar->addWidget(consumerLabel);
    toolbar->addWidget(m_consumer);
    toolbar->addWidget(stateLabel);
    toolbar->addWidget(m_state);

    m_table->setSourceModel(m_model);
    QTableView* view = m_table->view();
    view->setItemDelegateForColumn(TokenTableModel::State, new TokenStateDelegate(view));
    view->horizontalHeader()->setSectionResizeMode(TokenTableModel::Scopes, QHeaderView::Interactive);
    m_table->sortBy(TokenTableModel::Created, Qt::DescendingOrder);

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_new, m_revoke);
    setTabOrder(m_revoke, m_rotate);
    setTabOrder(m_rotate, m_limits);
    setTabOrder(m_limits, m_consumer);
    setTabOrder(m_consumer, m_state);
    setTabOrder(m_state, m_table->filterEdit());
    setTabOrder(m_table->filterEdit(), view);

    connect(m_consumer, &QComboBox::currentIndexChanged, this, &TokensPage::applyFilter);
    connect(m_state, &QComboBox::currentIndexChanged, this, &TokensPage::applyFilter);
    connect(m_table, &FilterableTable::selectionChanged, this, &TokensPage::selectionChanged);
    connect(m_table, &FilterableTable::rowActivated, this, [this] { perform(PageAction::Edit); });
    connect(m_details, &TokenDetailsPane::revokeRequested, this, [this](qint64 id) { revoke({id}); });
    connect(m_details, &TokenDetailsPane::rotateRequested, this, &TokensPage::rotate);
    connect(m_details, &TokenDetailsPane::limitsRequested, this, &TokensPage::editLimits);
    // Whoever changed them (this page's dialog, or another window of the console), the details follow; the model has
    // reread by then, since the commit moved the revision before the service emits.
    connect(&m_services.tokens, &TokenService::tokenLimitsChanged, this, &TokensPage::selectionChanged);
    connect(m_usageLoader, &TokenUsageLoader::finished, this, &TokensPage::onUsage);
    connect(m_usageTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshUsage();
    });
    m_usageTimer->start(kUsageRefreshMs);
    connect(m_model, &TokenTableModel::readFailed, this, &Page::statusMessage);

    reloadConsumers();
    selectionChanged();
    refreshUsage();
}

void TokensPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    refreshUsage();
}

void TokensPage::refreshUsage()
{
    const CatalogLocation catalog = m_services.catalog.location();
    if (!catalog.isNull())
        m_usageLoader->start(catalog, m_services.clock.nowMs());
}

void TokensPage::onUsage(const UsageLedger::Totals& totals, const QString& error)
{
    if (!error.isEmpty()) {
        Q_EMIT statusMessage(tr("Cannot read the AI usage: %1").arg(error));
        return;
    }
    m_usage = totals;
    m_usageKnown = true;
    if (const Token* token = currentToken(); token && token->id == m_details->tokenId())
        showDetails(*token);
    Q_EMIT usageRefreshed();
}

void TokensPage::showDetails(const Token& token)
{
    TokenAiUsage usage;
    usage.known = m_usageKnown;
    usage.token = m_usage.tokens.value(token.id);
    usage.consumer = m_usage.consumers.value(token.consumerId);
    usage.consumerBudget = m_consumerBudgets.value(token.consumerId);
    m_details->showToken(token, m_model->now(), usage);
}

QString TokensPage::title() const
{
    return tr("Tokens");
}

QString TokensPage::consumerFilter() const
{
    return m_consumer->currentIndex() > 0 ? m_consumer->currentText() : QString();
}

void TokensPage::reloadConsumers()
{
    auto consumers = m_services.consumers.list();
    if (!consumers)
        return;
    // Keep the selection by id, so that a renamed consumer stays selected under its new name.
    const qint64 selectedId = m_consumer->currentIndex() > 0 ? m_consumer->currentData().toLongLong() : 0;
    m_consumerBudgets.clear();
    for (const Consumer& consumer : *consumers)
        m_consumerBudgets.insert(consumer.id, consumer.budget);
    {
        const QSignalBlocker blocker(m_consumer);
        m_consumer->clear();
        m_consumer->addItem(tr("All consumers"), qint64(0));
        for (const Consumer& consumer : *consumers)
            m_consumer->addItem(consumer.name, consumer.id);
        const int index = selectedId ? m_consumer->findData(selectedId) : 0;
        m_consumer->setCurrentIndex(qMax(index, 0));
    }
    if (consumerFilter() != m_model->filter().consumer)
        applyFilter();
}

void TokensPage::applyFilter()
{
    TokenFilter filter;
    filter.consumer = consumerFilter();
    const int state = m_state->currentData().toInt();
    if (state != kAllStates)
        filter.state = TokenState(state);
    m_model->setFilter(filter);
}

const Token* TokensPage::currentToken() const
{
    const int row = m_table->currentSourceRow();
    return row >= 0 ? &m_model->rowAt(row) : nullptr;
}

QList<qint64> TokensPage::revocableSelection() const
{
    QList<qint64> ids;
    const auto rows = m_table->selectedSourceRows();
    for (int row : rows) {
        if (m_model->stateAt(row) != TokenState::Revoked)
            ids.append(m_model->rowAt(row).id);
    }
    return ids;
}

void TokensPage::selectionChanged()
{
    const Token* token = currentToken();
    if (token)
        showDetails(*token);
    else
        m_details->showNone(int(m_table->selectedSourceRows().size()));
    m_revoke->setEnabled(canPerform(PageAction::Revoke));
    m_rotate->setEnabled(token && tokenState::isUsable(*token, m_model->now()) && !token->graceEnds.isValid());
    m_limits->setEnabled(token && tokenState::isUsable(*token, m_model->now()));
    Q_EMIT actionsChanged();
}

bool TokensPage::canPerform(PageAction action) const
{
    switch (action) {
    case PageAction::New:
    case PageAction::Find:
    case PageAction::Refresh:
        return true;
    case PageAction::Edit:
        return currentToken() != nullptr;
    case PageAction::Revoke:
        return !revocableSelection().isEmpty();
    case PageAction::Remove:
        return false; // tokens are revoked, never deleted: the audit trail keeps referring to them
    }
    return false;
}

void TokensPage::perform(PageAction action)
{
    switch (action) {
    case PageAction::New:
        newToken();
        break;
    case PageAction::Edit:
        // A token has nothing to edit: its details are shown, and the pane's buttons act on it.
        if (currentToken()) {
            const QList<int> sizes = m_splitter->sizes();
            if (sizes.value(1) == 0)
                m_splitter->setSizes({sizes.value(0) * 3 / 4, sizes.value(0) / 4});
            m_details->setFocus(Qt::OtherFocusReason);
        }
        break;
    case PageAction::Revoke:
        revokeSelected();
        break;
    case PageAction::Find:
        m_table->focusFilter();
        break;
    case PageAction::Refresh:
        reloadConsumers();
        m_model->reload();
        refreshUsage();
        break;
    case PageAction::Remove:
        break;
    }
}

void TokensPage::newToken()
{
    auto* dialog = new NewTokenDialog(m_services, consumerFilter(), this);
    connect(dialog, &NewTokenDialog::tokenIssued, this, &TokensPage::selectToken);
    dialog->open();
}

void TokensPage::rotate(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    auto* dialog = new RotateTokenDialog(m_services, m_model->rowAt(row), this);
    connect(dialog, &RotateTokenDialog::tokenIssued, this, &TokensPage::selectToken);
    dialog->open();
}

void TokensPage::editLimits(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    auto* dialog = new TokenLimitsDialog(m_services, m_model->rowAt(row), this);
    connect(dialog, &TokenLimitsDialog::limitsSaved, this,
        [this](const Token& token) { Q_EMIT statusMessage(tr("Limits of token %1 saved").arg(token.id)); });
    dialog->open();
}

void TokensPage::revokeSelected()
{
    revoke(revocableSelection());
}

void TokensPage::revoke(const QList<qint64>& ids)
{
    // Ids, not rows: each commit rereads the model, and with a state filter the row goes away.
    QStringList failures;
    QList<qint64> revoked;
    for (qint64 id : ids) {
        auto result = m_services.tokens.revoke(id);
        if (result)
            revoked.append(id);
        else
            failures.append(tr("Token %1: %2").arg(id).arg(result.error().toString()));
    }
    if (revoked.size() == 1)
        Q_EMIT statusMessage(tr("Token %1 revoked").arg(revoked.first()));
    else if (!revoked.isEmpty())
        Q_EMIT statusMessage(tr("%1 tokens revoked").arg(revoked.size()));
    if (!failures.isEmpty())
        MessageBoxes::warning(
            this, tr("Revoke"), tr("Not every token could be revoked:\n%1").arg(failures.join(u'\n')));
    selectionChanged();
}

void TokensPage::showToken(qint64 id)
{
    m_consumer->setCurrentIndex(0);
    m_state->setCurrentIndex(0);
    m_table->filterEdit()->clear();
    const int row = m_model->rowOfId(id);
    if (row >= 0)
        m_table->selectSourceRow(row);
}

void TokensPage::selectToken(const Token& token)
{
    const int row = m_model->rowOfId(token.id);
    if (row >= 0)
        m_table->selectSourceRow(row);
    Q_EMIT statusMessage(tr("Token %1 issued for %2").arg(token.id).arg(token.consumerName));
}

} // namespace gatehouse::ui
