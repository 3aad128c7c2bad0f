#include "core/secrets/SecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace gatehouse::secrets {

namespace {

Error timedOut(const SecretStore& store)
{
    return Error::runtime(QStringLiteral("%1 did not answer within %2 s (is it locked, waiting for an unlock prompt?)")
                              .arg(store.description())
                              .arg(store.blockingTimeoutMs() / 1000));
}

} // namespace

QString SecretStore::providerKey(const QString& catalogId, qint64 providerId)
{
    return QStringLiteral("gatehouse/%1/provider/%2").arg(catalogId).arg(providerId);
}

void SecretStore::Waiter::finish()
{
    finished = true;
    if (loop)
        loop->quit();
}

bool SecretStore::wait(Waiter& waiter)
{
    if (waiter.finished)
        return true;
    QEventLoop loop;
    QTimer::singleShot(m_blockingTimeoutMs, &loop, &QEventLoop::quit);
    waiter.loop = &loop;
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    waiter.loop = nullptr;
    return waiter.finished;
}

Result<std::optional<SecretBytes>> SecretStore::read(const QString& key)
{
    struct State : Waiter
    {
        std::optional<Result<std::optional<SecretBytes>>> result;
    };
    auto state = std::make_shared<State>();
    readAsync(key, [state](Result<std::optional<SecretBytes>> result) {
        state->result.emplace(std::move(result));
        state->finish();
    });
    if (!wait(*state))
        return timedOut(*this);
    return std::move(*state->result);
}

Result<void> SecretStore::write(const QString& key, const SecretBytes& secret)
{
    struct State : Waiter
    {
        Result<void> result;
    };
    auto state = std::make_shared<State>();
    writeAsync(key, secret, [state](Result<void> result) {
        state->result = std::move(result);
        state->finish();
    });
    if (!wait(*state))
        return timedOut(*this);
    return state->result;
}

Result<void> SecretStore::remove(const QString& key)
{
    struct State : Waiter
    {
        Result<void> result;
    };
    auto state = std::make_shared<State>();
    removeAsync(key, [state](Result<void> result) {
        state->result = std::move(result);
        state->finish();
    });
    if (!wait(*state))
        return timedOut(*this);
    return state->result;
}

} // namespace gatehouse::secrets
