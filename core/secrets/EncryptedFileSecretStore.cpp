#include "core/secrets/EncryptedFileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QMap>
#include <QSaveFile>
#include <QTimer>
#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <sys/stat.h>

#include <array>

namespace gatehouse::secrets {

namespace {

// File layout: header | ciphertext | tag. The header is the GCM additional data.
//   "GHSE" | version 1 | log2(N) | r | p | salt (16) | nonce (12)
constexpr QByteArrayView kMagic = "GHSE";
constexpr char kVersion = 1;
constexpr int kSaltSize = 16;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr int kKeySize = 32;
constexpr int kHeaderSize = 4 + 4 + kSaltSize + kNonceSize;
// Bounds on the cost a file may ask for, so a damaged or hostile file cannot make us allocate gigabytes.
constexpr int kMaxLog2N = 20;
constexpr int kMaxR = 16;
constexpr int kMaxP = 4;

// A buffer wiped when it dies.
struct Wiped
{
    QByteArray bytes;
    explicit Wiped(qsizetype size = 0)
        : bytes(size, '\0')
    { }
    ~Wiped()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
    Wiped(const Wiped&) = delete;
    Wiped& operator=(const Wiped&) = delete;
};

Error damaged(const QString& path, const QString& why)
{
    return Error::runtime(QStringLiteral("cannot read the secrets file %1: %2").arg(path, why));
}

Result<void> deriveKey(const SecretBytes& passphrase, QByteArrayView salt, int log2N, int r, int p, Wiped& key)
{
    key.bytes = QByteArray(kKeySize, '\0');
    const quint64 n = quint64(1) << log2N;
    // scrypt needs 128 * r * N bytes (plus a little); OpenSSL's default ceiling is 32 MiB.
    const quint64 maxMemory = 128 * quint64(r) * n * quint64(p) + 16 * 1024 * 1024;
    if (EVP_PBE_scrypt(passphrase.view().data(), size_t(passphrase.size()),
            reinterpret_cast<const unsigned char*>(salt.data()), size_t(salt.size()), n, quint64(r), quint64(p),
            maxMemory, reinterpret_cast<unsigned char*>(key.bytes.data()), kKeySize)
        != 1)
        return Error::runtime(QStringLiteral("scrypt failed to derive the secrets key"));
    return {};
}

struct CipherContext
{
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};

void appendU32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

bool takeU32(QByteArrayView& in, quint32& value)
{
    if (in.size() < 4)
        return false;
    value = qFromBigEndian<quint32>(in.data());
    in = in.sliced(4);
    return true;
}

} // namespace

// The decrypted entries, wiped when they die. Never copied.
class EncryptedFileSecretStore::Entries
{
public:
    Entries() = default;
    Entries(const Entries&) = delete;
    Entries& operator=(const Entries&) = delete;
    ~Entries()
    {
        for (auto it = map.begin(); it != map.end(); ++it)
            OPENSSL_cleanse(it.value().data(), size_t(it.value().size()));
    }

    QMap<QString, QByteArray> map;
};

EncryptedFileSecretStore::EncryptedFileSecretStore(QString directory, SecretBytes passphrase, QObject* parent)
    : SecretStore(parent)
    , m_directory(std::move(directory))
    , m_passphrase(std::move(passphrase))
{ }

EncryptedFileSecretStore::~EncryptedFileSecretStore() = default;

QString EncryptedFileSecretStore::filePath() const
{
    return QDir(m_directory).filePath(fileName());
}

QString EncryptedFileSecretStore::description() const
{
    return QStringLiteral("the encrypted file %1").arg(filePath());
}

bool EncryptedFileSecretStore::passphraseOffered(const QString& directory)
{
    return !qEnvironmentVariableIsEmpty(kPassphraseVariable) || QFile::exists(QDir(directory).filePath(keyFileName()));
}

Result<SecretBytes> EncryptedFileSecretStore::loadPassphrase(const QString& directory)
{
    if (!qEnvironmentVariableIsEmpty(kPassphraseVariable)) {
        QByteArray value = qgetenv(kPassphraseVariable);
        return SecretBytes(std::move(value));
    }
    const QString path = QDir(directory).filePath(keyFileName());
    struct stat info
    { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return Error::notFound(QStringLiteral("secrets"),
            QStringLiteral("no passphrase: set %1 or create %2 (mode 600)")
                .arg(QString::fromLatin1(kPassphraseVariable), path));
    }
    if ((info.st_mode & 0077) != 0) {
        return Error::invalid(QStringLiteral("secrets"),
            QStringLiteral("%1 is readable by others (mode %2); run chmod 600 on it")
                .arg(path)
                .arg(info.st_mode & 0777, 3, 8, QLatin1Char('0')));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::runtime(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QByteArray content = file.readAll();
    // A trailing newline from `echo ... > secrets.key` is not part of the passphrase.
    qsizetype end = content.size();
    while (end > 0 && (content.at(end - 1) == '\n' || content.at(end - 1) == '\r'))
        --end;
    SecretBytes passphrase(content.left(end));
    OPENSSL_cleanse(content.data(), size_t(content.size()));
    if (passphrase.isEmpty())
        return Error::invalid(QStringLiteral("secrets"), QStringLiteral("%1 is empty").arg(path));
    return passphrase;
}

Result<void> EncryptedFileSecretStore::load(Entries& entries) const
{
    const QString path = filePath();
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return damaged(path, file.errorString());
    const QByteArray sealed = file.readAll();
    if (sealed.size() < kHeaderSize + kTagSize || !sealed.startsWith(kMagic))
        return damaged(path, QStringLiteral("it is not a Gatehouse secrets file"));
    if (sealed.at(4) != kVersion)
        return damaged(path, QStringLiteral("format version %1 is unknown").arg(int(sealed.at(4))));
    const int log2N = quint8(sealed.at(5));
    const int r = quint8(sealed.at(6));
    const int p = quint8(sealed.at(7));
    if (log2N < 1 || log2N > kMaxLog2N || r < 1 || r > kMaxR || p < 1 || p > kMaxP)
        return damaged(path, QStringLiteral("its scrypt parameters are out of range"));
    const QByteArrayView header(sealed.constData(), kHeaderSize);
    const QByteArrayView salt = header.sliced(8, kSaltSize);
    const QByteArrayView nonce = header.sliced(8 + kSaltSize, kNonceSize);
    const QByteArrayView ciphertext(sealed.constData() + kHeaderSize, sealed.size() - kHeaderSize - kTagSize);
    const QByteArrayView tag(sealed.constData() + sealed.size() - kTagSize, kTagSize);

    Wiped key;
    if (auto derived = deriveKey(m_passphrase, salt, log2N, r, p, key); !derived)
        return derived.error();
    CipherContext cipher;
    Wiped plain(ciphertext.size() + 16);
    int length = 0;
    int total = 0;
    auto* out = reinterpret_cast<unsigned char*>(plain.bytes.data());
    bool ok = cipher.ctx && EVP_DecryptInit_ex(cipher.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(cipher.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(cipher.ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.bytes.data()),
               reinterpret_cast<const unsigned char*>(nonce.data()))
            == 1
        && EVP_DecryptUpdate(
               cipher.ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(header.data()), kHeaderSize)
            == 1
        && EVP_DecryptUpdate(cipher.ctx, out, &length, reinterpret_cast<const unsigned char*>(ciphertext.data()),
               int(ciphertext.size()))
            == 1;
    total = length;
    ok = ok
        && EVP_CIPHER_CTX_ctrl(
               cipher.ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, const_cast<char*>(static_cast<const char*>(tag.data())))
            == 1
        && EVP_DecryptFinal_ex(cipher.ctx, out + total, &length) == 1;
    if (!ok) {
        return Error::runtime(QStringLiteral("cannot decrypt the secrets file %1: the passphrase is wrong, or the "
                                             "file was damaged or altered")
                                  .arg(path));
    }
    total += length;

    QByteArrayView in(plain.bytes.constData(), total);
    quint32 count = 0;
    if (!takeU32(in, count))
        return damaged(path, QStringLiteral("its entries are truncated"));
    for (quint32 i = 0; i < count; ++i) {
        quint32 keyLength = 0;
        quint32 valueLength = 0;
        if (!takeU32(in, keyLength) || in.size() < qsizetype(keyLength))
            return damaged(path, QStringLiteral("its entries are truncated"));
        const QString name = QString::fromUtf8(in.first(keyLength));
        in = in.sliced(keyLength);
        if (!takeU32(in, valueLength) || in.size() < qsizetype(valueLength))
            return damaged(path, QStringLiteral("its entries are truncated"));
        entries.map.insert(name, in.first(valueLength).toByteArray());
        in = in.sliced(valueLength);
    }
    return {};
}

Result<void> EncryptedFileSecretStore::save(const Entries& entries) const
{
    const QString path = filePath();
    Wiped plain;
    plain.bytes.clear();
    appendU32(plain.bytes, quint32(entries.map.size()));
    for (auto it = entries.map.cbegin(); it != entries.map.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        appendU32(plain.bytes, quint32(name.size()));
        plain.bytes.append(name);
        appendU32(plain.bytes, quint32(it.value().size()));
        plain.bytes.append(it.value());
    }

    QByteArray sealed;
    sealed.reserve(kHeaderSize + plain.bytes.size() + kTagSize);
    sealed.append(kMagic.data(), kMagic.size());
    sealed.append(kVersion);
    sealed.append(char(m_cost.log2N));
    sealed.append(char(m_cost.r));
    sealed.append(char(m_cost.p));
    std::array<unsigned char, kSaltSize + kNonceSize> random {};
    if (RAND_bytes(random.data(), int(random.size())) != 1)
        return Error::runtime(QStringLiteral("the system's random number generator failed"));
    sealed.append(reinterpret_cast<const char*>(random.data()), qsizetype(random.size()));
    const QByteArrayView salt(sealed.constData() + 8, kSaltSize);
    const QByteArrayView nonce(sealed.constData() + 8 + kSaltSize, kNonceSize);

    Wiped key;
    if (auto derived = deriveKey(m_passphrase, salt, m_cost.log2N, m_cost.r, m_cost.p, key); !derived)
        return derived.error();
    CipherContext cipher;
    QByteArray ciphertext(plain.bytes.size() + 16, '\0');
    auto* out = reinterpret_cast<unsigned char*>(ciphertext.data());
    int length = 0;
    int total = 0;
    std::array<unsigned char, kTagSize> tag {};
    bool ok = cipher.ctx && EVP_EncryptInit_ex(cipher.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(cipher.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1
        && EVP_EncryptInit_ex(cipher.ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.bytes.data()),
               reinterpret_cast<const unsigned char*>(nonce.data()))
            == 1
        && EVP_EncryptUpdate(
               cipher.ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(sealed.constData()), kHeaderSize)
            == 1
        && EVP_EncryptUpdate(cipher.ctx, out, &length, reinterpret_cast<const unsigned char*>(plain.bytes.constData()),
               int(plain.bytes.size()))
            == 1;
    total = length;
    ok = ok && EVP_EncryptFinal_ex(cipher.ctx, out + total, &length) == 1;
    total += length;
    ok = ok && EVP_CIPHER_CTX_ctrl(cipher.ctx, EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) == 1;
    if (!ok)
        return Error::runtime(QStringLiteral("AES-256-GCM encryption failed"));
    sealed.append(ciphertext.constData(), total);
    sealed.append(reinterpret_cast<const char*>(tag.data()), kTagSize);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::runtime(QStringLiteral("cannot write the secrets file %1: %2").arg(path, file.errorString()));
    // Owner only, before any byte is written (QSaveFile writes a temporary file first).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(sealed) != sealed.size() || !file.commit())
        return Error::runtime(QStringLiteral("cannot write the secrets file %1: %2").arg(path, file.errorString()));
    return {};
}

Result<void> EncryptedFileSecretStore::change(const QString& key, const SecretBytes* secret)
{
    if (!QDir().mkpath(m_directory))
        return Error::runtime(QStringLiteral("cannot create the directory %1").arg(m_directory));
    // Another process (the console beside the CLI) may be writing too: read-modify-write under a lock.
    QLockFile lock(filePath() + QStringLiteral(".lock"));
    if (!lock.tryLock(10'000))
        return Error::runtime(QStringLiteral("the secrets file %1 is locked by another process").arg(filePath()));
    Entries entries;
    if (auto loaded = load(entries); !loaded)
        return loaded.error();
    if (secret) {
        auto existing = entries.map.find(key);
        if (existing != entries.map.end())
            OPENSSL_cleanse(existing.value().data(), size_t(existing.value().size()));
        entries.map.insert(key, secret->view().toByteArray());
    } else {
        auto existing = entries.map.find(key);
        if (existing == entries.map.end())
            return {};
        OPENSSL_cleanse(existing.value().data(), size_t(existing.value().size()));
        entries.map.erase(existing);
    }
    return save(entries);
}

Result<std::optional<SecretBytes>> EncryptedFileSecretStore::read(const QString& key)
{
    Entries entries;
    if (auto loaded = load(entries); !loaded)
        return loaded.error();
    const auto found = entries.map.constFind(key);
    if (found == entries.map.cend())
        return std::optional<SecretBytes>();
    return std::optional<SecretBytes>(SecretBytes(QByteArray(found.value().constData(), found.value().size())));
}

Result<void> EncryptedFileSecretStore::write(const QString& key, const SecretBytes& secret)
{
    return change(key, &secret);
}

Result<void> EncryptedFileSecretStore::remove(const QString& key)
{
    return change(key, nullptr);
}

void EncryptedFileSecretStore::readAsync(const QString& key, ReadCallback done)
{
    QTimer::singleShot(0, this, [this, key, done = std::move(done)] { done(read(key)); });
}

void EncryptedFileSecretStore::writeAsync(const QString& key, const SecretBytes& secret, DoneCallback done)
{
    auto copy = std::make_shared<SecretBytes>(QByteArray(secret.view().data(), secret.size()));
    QTimer::singleShot(0, this, [this, key, copy, done = std::move(done)] { done(write(key, *copy)); });
}

void EncryptedFileSecretStore::removeAsync(const QString& key, DoneCallback done)
{
    QTimer::singleShot(0, this, [this, key, done = std::move(done)] { done(remove(key)); });
}

} // namespace gatehouse::secrets
