#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gatehouse {

// Owns a secret (a token's plaintext, a key) and wipes it with OPENSSL_cleanse when it dies, so
// the bytes do not linger in freed heap memory where a core dump or a later allocation could see
// them. Move-only: a copy would be a second buffer that nobody remembers to wipe.
class SecretBytes
{
public:
    SecretBytes() = default;
    // Takes the bytes over; pass with std::move so that no unwiped copy stays behind.
    explicit SecretBytes(QByteArray bytes);
    ~SecretBytes();

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    QByteArrayView view() const { return m_bytes; }
    // A Latin-1 copy for display (shown once to the admin). The copy is not wiped: keep it short-lived.
    QString toString() const;
    bool isEmpty() const { return m_bytes.isEmpty(); }
    qsizetype size() const { return m_bytes.size(); }

    // Wipes and empties now, before the object dies.
    void clear();

private:
    QByteArray m_bytes;
};

} // namespace gatehouse
