#include "model/core/common/safetext.h"

namespace mwb {
namespace {

bool mustEscape(char16_t c, LineBreaks lineBreaks)
{
    if (c == u'\n')
        return lineBreaks == LineBreaks::Escape;
    return isUnsafeControl(c);
}

} // namespace

bool hasUnsafeControls(QStringView text, LineBreaks lineBreaks)
{
    for (const QChar ch : text)
        if (mustEscape(ch.unicode(), lineBreaks))
            return true;
    return false;
}

QString escapeControls(const QString &text, LineBreaks lineBreaks)
{
    if (!hasUnsafeControls(text, lineBreaks))
        return text;
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (!mustEscape(c, lineBreaks)) {
            out.append(ch);
        } else if (c < 0x100) {
            const char16_t esc[] = {u'\\', u'x', char16_t(hex[c >> 4]), char16_t(hex[c & 0xf])};
            out.append(QStringView(esc, 4));
        } else {
            const char16_t esc[] = {u'\\', u'u', char16_t(hex[(c >> 12) & 0xf]), char16_t(hex[(c >> 8) & 0xf]),
                                    char16_t(hex[(c >> 4) & 0xf]), char16_t(hex[c & 0xf])};
            out.append(QStringView(esc, 6));
        }
    }
    return out;
}

QString escapeJsonControls(const QString &json)
{
    if (!hasUnsafeControls(json, LineBreaks::Keep))
        return json;
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(json.size() + 16);
    for (const QChar ch : json) {
        const char16_t c = ch.unicode();
        if (c == u'\n' || c == u'\r' || !isUnsafeControl(c)) {
            out.append(ch);  // CR/LF outside strings are JSON whitespace; inside, JSON escaped them
            continue;
        }
        const char16_t esc[] = {u'\\', u'u', char16_t(hex[(c >> 12) & 0xf]), char16_t(hex[(c >> 8) & 0xf]),
                                char16_t(hex[(c >> 4) & 0xf]), char16_t(hex[c & 0xf])};
        out.append(QStringView(esc, 6));
    }
    return out;
}

QByteArray escapeJsonControlsUtf8(const QByteArray &json)
{
    // Every character escapeJsonControls changes is, in UTF-8, a C0 byte other than TAB, LF and CR,
    // DEL, or a sequence led by 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (U+200E.., U+202A.., U+2066..).
    bool suspicious = false;
    for (const char ch : json) {
        const auto b = static_cast<unsigned char>(ch);
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2) {
            suspicious = true;
            break;
        }
    }
    if (!suspicious)
        return json;
    return escapeJsonControls(QString::fromUtf8(json)).toUtf8();
}

} // namespace mwb
