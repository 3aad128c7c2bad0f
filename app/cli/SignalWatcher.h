#pragma once

#include <QObject>

class QSocketNotifier;

namespace gatehouse::cli {

// Turns SIGTERM and SIGINT into a Qt signal through a self-pipe, so that shutdown runs on the
// event loop and not inside a signal handler.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace gatehouse::cli
