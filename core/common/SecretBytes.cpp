#include "core/common/SecretBytes.h"

#include <openssl/crypto.h>

#include <utility>

namespace gatehouse {

SecretBytes::SecretBytes(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    // A shared or raw-data array would make the wipe hit a detached copy (or someone else's
    // memory); owning a private buffer from the start makes clear() wipe the bytes we hold.
    m_bytes.detach();
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{ }

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

QString SecretBytes::toString() const
{
    return QString::fromLatin1(m_bytes);
}

void SecretBytes::clear()
{
    // The buffer is private (detached in the constructor), so data() does not copy before wiping.
    if (!m_bytes.isEmpty())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    m_bytes.clear();
}

} // namespace gatehouse
