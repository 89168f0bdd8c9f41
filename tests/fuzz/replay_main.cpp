// Plain driver (any compiler): feeds every corpus file, and deterministic cut-downs and byte
// flips of it, to the fuzz entry. Run as a CTest under the normal (and the sanitizer) build.
#include <QDirIterator>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void run(const QByteArray &bytes)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
}

} // namespace

int main(int argc, char **argv)
{
    int files = 0;
    for (int a = 1; a < argc; ++a) {
        QDirIterator it(QString::fromLocal8Bit(argv[a]), QDir::Files, QDirIterator::Subdirectories);
        QStringList paths;
        if (QFileInfo(QString::fromLocal8Bit(argv[a])).isFile())
            paths << QString::fromLocal8Bit(argv[a]);
        while (it.hasNext())
            paths << it.next();
        paths.sort();
        for (const QString &p : paths) {
            QFile f(p);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            run(bytes);
            // Truncations (files still being written) and flipped bytes (damaged copies).
            for (int cut = 1; cut < 8; ++cut)
                run(bytes.left(bytes.size() * cut / 8));
            quint32 x = 2166136261u;
            for (int flip = 0; flip < 16 && !bytes.isEmpty(); ++flip) {
                QByteArray m = bytes;
                for (int k = 0; k < 8; ++k) {
                    x = x * 16777619u + 12345u;
                    const char values[] = {'\0', ',', '"', '\n', '\r', '#', '\xff', '>'};
                    m[qsizetype(x % quint32(m.size()))] = values[(x >> 8) % 8];
                }
                run(m);
            }
            ++files;
        }
    }
    std::printf("replayed %d corpus files\n", files);
    return files > 0 ? 0 : 1;
}
