#pragma once
// The one escaper for text that leaves the program as plain text (terminal output of `mwb`, the
// GUI's copy and "save as text" paths, transcripts on disk). Peers and logs control much of that
// text (banners, EHLO names, subjects, TXT records, certificate subjects), so control characters
// are shown, never passed on: ESC, BEL, NUL, backspace, CR, DEL, the C1 block, and the Unicode
// bidi overrides and isolates become visible escapes such as `\x1b` and `\u202e`.
#include <QString>
#include <QStringView>

namespace mwb {

enum class LineBreaks {
    Escape,  // one line: LF becomes `\x0a` too (a value inside a line of output)
    Keep,    // multi-line text: LF stays (CR is still escaped: it rewrites the line on a terminal)
};

// TAB always stays. Everything else listed above becomes `\xHH` (U+0000..U+00FF) or `\uHHHH`.
// Backslashes are not doubled: Windows paths stay readable, and the output holds no raw control
// character either way. Returns the input (shared, no copy) when nothing needs escaping.
QString escapeControls(const QString &text, LineBreaks lineBreaks = LineBreaks::Escape);

// JSON text (QJsonDocument output) for a terminal: QJsonDocument escapes C0 controls but writes DEL,
// C1 controls, bidi overrides and U+2028/U+2029 raw. They can only occur inside JSON strings, so
// writing them as \uXXXX JSON escapes changes nothing a JSON reader sees.
QString escapeJsonControls(const QString &json);
// The same for UTF-8 JSON text (streamed output): returns `json` itself, without decoding it, when
// it holds no byte that can start an escaped character (most text never does).
QByteArray escapeJsonControlsUtf8(const QByteArray &json);

// True when escapeControls would change the text.
bool hasUnsafeControls(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);

// True for a character escapeControls never lets through (LF aside).
constexpr bool isUnsafeControl(char16_t c)
{
    if (c == u'\t')
        return false;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        return true;
    return (c >= 0x202a && c <= 0x202e)                  // LRE RLE PDF LRO RLO
           || (c >= 0x2066 && c <= 0x2069)                // LRI RLI FSI PDI
           || c == 0x200e || c == 0x200f || c == 0x061c   // LRM RLM ALM
           || c == 0x2028 || c == 0x2029;                 // line / paragraph separator
}

} // namespace mwb
