#pragma once
// Test archives written with libarchive, for the tests that load archives (sources, collection zips).
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <archive.h>
#include <archive_entry.h>

namespace mwb::testing {

// Writes an archive with libarchive: format "zip" | "tar.gz" | "gz" (raw gzip of one member).
inline bool writeArchive(const QString &path, const QString &kind, const QList<QPair<QString, QByteArray>> &members)
{
    archive *a = archive_write_new();
    if (kind == QLatin1String("zip")) {
        archive_write_set_format_zip(a);
    } else if (kind == QLatin1String("tar.gz")) {
        archive_write_set_format_pax_restricted(a);
        archive_write_add_filter_gzip(a);
    } else {
        archive_write_set_format_raw(a);
        archive_write_add_filter_gzip(a);
    }
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        archive_write_free(a);
        return false;
    }
    for (const auto &m : members) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m.first.toUtf8().constData());
        archive_entry_set_size(e, m.second.size());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, m.second.constData(), size_t(m.second.size()));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return true;
}

} // namespace mwb::testing
