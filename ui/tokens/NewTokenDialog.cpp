#include "ui/tokens/NewTokenDialog.h"

#include "core/catalog/Validation.h"
#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"
#include "ui/tokens/AiLimitsFields.h"
#include "ui/tokens/IssuedTokenDialog.h"
#include "ui/tokens/RateLimitField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

qint64 presetMs(NewTokenDialog::Lifetime lifetime)
{
    switch (lifetime) {
    case NewTokenDialog::Lifetime::OneHour:
        return tokens::kHourMs;
    case NewTokenDialog::Lifetime::OneDay:
        return tokens::kDayMs;
    case NewTokenDialog::Lifetime::SevenDays:
        return 7 * tokens::kDayMs;
    case NewTokenDialog::Lifetime::ThirtyDays:
        return 30 * tokens::kDayMs;
    case NewTokenDialog::Lifetime::NinetyDays:
        return 90 * tokens::kDayMs;
    case NewTokenDialog::Lifetime::CustomDate:
        break;
    }
    return 0;
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

NewTokenDialog::NewTokenDialog(ConsoleServices& services, const QString& consumer, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("newTokenDialog"));
    setWindowTitle(tr("New Token"));

    // Consumer.
    m_consumer = new QComboBox(this);
    m_consumer->setObjectName(QStringLiteral("consumer"));
    m_consumer->setPlaceholderText(tr("Choose a consumer"));
    if (auto consumers = m_services.consumers.list()) {
        for (const Consumer& c : *consumers)
            m_consumer->addItem(c.name, c.name);
    }
    m_consumer->setCurrentIndex(consumer.isEmpty() ? -1 : m_consumer->findData(consumer));
    m_consumerReason = FieldErrorLabel::named(QStringLiteral("consumerReason"), this);
    auto* noConsumers = new QLabel(tr("No consumers yet: add one on the Consumers page first."), this);
    noConsumers->setObjectName(QStringLiteral("noConsumersHint"));
    noConsumers->setVisible(m_consumer->count() == 0);
    m_consumer->setEnabled(m_consumer->count() > 0);

    // Name.
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("Optional: \"<consumer> <date>\" if empty"));
    m_name->setMaxLength(int(TokenService::kMaxNameLength) + 1); // one more, so "too long" can be said
    m_nameReason = FieldErrorLabel::named(QStringLiteral("nameReason"), this);

    // Scopes.
    QWidget* scopes = buildScopes();
    m_scopesReason = FieldErrorLabel::named(QStringLiteral("scopesReason"), this);

    // Lifetime.
    m_lifetime = new QComboBox(this);
    m_lifetime->setObjectName(QStringLiteral("lifetime"));
    m_lifetime->addItem(tr("1 hour"), int(Lifetime::OneHour));
    m_lifetime->addItem(tr("1 day"), int(Lifetime::OneDay));
    m_lifetime->addItem(tr("7 days"), int(Lifetime::SevenDays));
    m_lifetime->addItem(tr("30 days"), int(Lifetime::ThirtyDays));
    m_lifetime->addItem(tr("90 days"), int(Lifetime::NinetyDays));
    m_lifetime->addItem(tr("Until a date…"), int(Lifetime::CustomDate));
    m_lifetime->setCurrentIndex(m_lifetime->findData(int(Lifetime::ThirtyDays)));
    m_customExpiry = new QDateTimeEdit(m_services.clock.now().addDays(30).toLocalTime(), this);
    m_customExpiry->setObjectName(QStringLiteral("customExpiry"));
    m_customExpiry->setCalendarPopup(true);
    m_customExpiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_customExpiry->setEnabled(false);
    m_never = new QCheckBox(tr("Ne&ver expires"), this);
    m_never->setObjectName(QStringLiteral("neverExpires"));
    m_neverWarning = new QLabel(tr("A token that never expires works for whoever holds it until someone revokes it. "
                                   "Prefer a lifetime and rotate the token before it ends."),
        this);
    m_neverWarning->setObjectName(QStringLiteral("neverWarning"));
    m_neverWarning->setWordWrap(true);
    m_neverWarning->hide();
    m_expiryReason = FieldErrorLabel::named(QStringLiteral("expiryReason"), this);
    auto* lifetimeRow = new QWidget(this);
    auto* lifetimeLayout = new QHBoxLayout(lifetimeRow);
    lifetimeLayout->setContentsMargins(0, 0, 0, 0);
    lifetimeLayout->addWidget(m_lifetime);
    lifetimeLayout->addWidget(m_customExpiry);
    lifetimeLayout->addWidget(m_expiryReason, 1);

    // Rate limit.
    m_rateLimit = new RateLimitField(this);

    // AI limits: optional, so grouped below the rest of the form.
    m_aiLimits = new AiLimitsFields(AiLimitsFields::Kind::BudgetAndRates, this);
    auto* aiGroup = new QGroupBox(tr("AI limits (optional)"), this);
    aiGroup->setObjectName(QStringLiteral("aiLimitsGroup"));
    aiGroup->setToolTip(tr("Only the AI routes count against these; the API routes have the rate limit above."));
    auto* aiLayout = new QVBoxLayout(aiGroup);
    aiLayout->addWidget(m_aiLimits);

    m_serviceError = FieldErrorLabel::named(QStringLiteral("serviceError"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = m_buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("ok"));
    m_ok->setText(tr("C&reate"));
    m_ok->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewTokenDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(
        buddyLabel(tr("&Consumer:"), m_consumer, this), FieldErrorLabel::beside(m_consumer, m_consumerReason, this));
    form->addRow(QString(), noConsumers);
    form->addRow(buddyLabel(tr("&Name:"), m_name, this), FieldErrorLabel::beside(m_name, m_nameReason, this));
    QWidget* firstScope = m_apis.isEmpty() ? scopes : static_cast<QWidget*>(m_apis.first().enabled);
    form->addRow(buddyLabel(tr("&Scopes:"), firstScope, this), scopes);
    form->addRow(QString(), m_scopesReason);
    form->addRow(buddyLabel(tr("&Lifetime:"), m_lifetime, this), lifetimeRow);
    form->addRow(QString(), m_never);
    form->addRow(QString(), m_neverWarning);
    m_rateLimit->addTo(form);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(aiGroup);
    layout->addWidget(m_serviceError);
    layout->addWidget(m_buttons);

    // Tab order follows the form, top to bottom.
    QList<QWidget*> order {m_consumer, m_name};
    for (const ApiChoice& choice : std::as_const(m_apis))
        order << choice.enabled << choice.access;
    order << m_lifetime << m_customExpiry << m_never << m_rateLimit->edit();
    order << m_aiLimits->edits();
    order << m_ok << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    const auto revalidate = [this] {
        m_serviceError->setReason(QString()); // the admin is correcting whatever the service refused
        validate();
    };
    connect(m_consumer, &QComboBox::currentIndexChanged, this, revalidate);
    connect(m_name, &QLineEdit::textChanged, this, revalidate);
    connect(m_lifetime, &QComboBox::currentIndexChanged, this, revalidate);
    connect(m_customExpiry, &QDateTimeEdit::dateTimeChanged, this, revalidate);
    connect(m_never, &QCheckBox::toggled, this, revalidate);
    connect(m_rateLimit, &RateLimitField::edited, this, revalidate);
    connect(m_aiLimits, &AiLimitsFields::edited, this, revalidate);
    for (const ApiChoice& choice : std::as_const(m_apis)) {
        connect(choice.enabled, &QCheckBox::toggled, this, revalidate);
        connect(choice.access, &QComboBox::currentIndexChanged, this, revalidate);
    }
    validate();
    (m_consumer->currentIndex() < 0 ? static_cast<QWidget*>(m_consumer) : m_name)->setFocus();
}

QWidget* NewTokenDialog::buildScopes()
{
    auto* area = new QScrollArea(this);
    area->setObjectName(QStringLiteral("scopes"));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::StyledPanel);
    auto* content = new QWidget(area);
    auto* grid = new QGridLayout(content);
    auto apis = m_services.apis.list();
    if (!apis || apis->isEmpty()) {
        auto* hint = new QLabel(tr("No APIs yet: add one on the APIs page first."), content);
        hint->setObjectName(QStringLiteral("noApisHint"));
        grid->addWidget(hint, 0, 0);
    } else {
        int row = 0;
        for (const Api& api : *apis) {
            ApiChoice choice;
            choice.api = api.name;
            choice.enabled = new QCheckBox(api.name, content);
            choice.enabled->setObjectName(QStringLiteral("scope:") + api.name);
            choice.enabled->setToolTip(api.upstream.toString());
            choice.access = new QComboBox(content);
            choice.access->setObjectName(QStringLiteral("access:") + api.name);
            // Least privilege first: read-only unless the admin asks for more.
            choice.access->addItem(tr("read-only (GET, HEAD, OPTIONS)"), QStringLiteral("read"));
            choice.access->addItem(tr("read-write (every method)"), QStringLiteral("write"));
            choice.access->setEnabled(false);
            connect(choice.enabled, &QCheckBox::toggled, choice.access, &QWidget::setEnabled);
            grid->addWidget(choice.enabled, row, 0);
            grid->addWidget(choice.access, row, 1);
            ++row;
            m_apis.append(choice);
        }
        grid->setRowStretch(row, 1);
    }
    grid->setColumnStretch(1, 1);
    area->setWidget(content);
    area->setMinimumHeight(qMin(int(m_apis.size()), 5) * 30 + 10);
    return area;
}

QStringList NewTokenDialog::scopes() const
{
    QStringList scopes;
    for (const ApiChoice& choice : m_apis) {
        if (choice.enabled->isChecked())
            scopes.append(QStringLiteral("api:%1:%2").arg(choice.api, choice.access->currentData().toString()));
    }
    return scopes;
}

Result<tokens::Expiry> NewTokenDialog::expiry() const
{
    if (m_never->isChecked())
        return tokens::Expiry {true, QDateTime()};
    const QDateTime now = m_services.clock.now();
    const auto lifetime = Lifetime(m_lifetime->currentData().toInt());
    if (lifetime != Lifetime::CustomDate)
        return tokens::Expiry {false, now.toUTC().addMSecs(presetMs(lifetime))};
    const QDateTime at = m_customExpiry->dateTime().toUTC();
    if (at <= now)
        return Error::invalid(QStringLiteral("ttl"), tr("The expiry must lie in the future."));
    return tokens::Expiry {false, at};
}

bool NewTokenDialog::isValid() const
{
    return m_ok->isEnabled();
}

void NewTokenDialog::validate()
{
    bool valid = true;
    const auto check = [&valid](FieldErrorLabel* reason, const QString& problem) {
        reason->setReason(problem);
        valid = valid && problem.isEmpty();
    };

    check(m_consumerReason,
        m_consumer->currentIndex() < 0 && m_consumer->count() > 0 ? tr("Choose a consumer.")
            : m_consumer->count() == 0                            ? tr("There is no consumer.")
                                                                  : QString());
    const auto name = validation::label(m_name->text(), u"name", TokenService::kMaxNameLength);
    check(m_nameReason, name ? QString() : name.error().message);
    check(m_scopesReason,
        !scopes().isEmpty()    ? QString()
            : m_apis.isEmpty() ? tr("There is no API to grant access to.")
                               : tr("Tick at least one API."));

    const bool custom = Lifetime(m_lifetime->currentData().toInt()) == Lifetime::CustomDate;
    m_lifetime->setEnabled(!m_never->isChecked());
    m_customExpiry->setEnabled(!m_never->isChecked() && custom);
    m_neverWarning->setVisible(m_never->isChecked());
    const auto expires = expiry();
    check(m_expiryReason, expires ? QString() : expires.error().message);

    valid = m_rateLimit->validate() && valid;
    valid = m_aiLimits->validate() && valid;

    m_ok->setEnabled(valid);
}

void NewTokenDialog::create()
{
    validate(); // the clock may have moved a custom date into the past since the last edit
    if (!isValid())
        return;
    auto expires = expiry();
    TokenRequest request {m_consumer->currentData().toString(), m_name->text().trimmed(), scopes(), *expires,
        m_rateLimit->rateLimit(), m_aiLimits->limits()};
    auto issued = m_services.tokens.create(request);
    if (!issued) {
        m_serviceError->setReason(issued.error().toString());
        return;
    }
    const Token token = issued->token;
    // The plaintext moves into the dialog that shows it; nothing here keeps a copy.
    auto* shown = new IssuedTokenDialog(token, std::move(issued->plaintext), parentWidget());
    shown->open();
    Q_EMIT tokenIssued(token);
    accept();
}

} // namespace gatehouse::ui
