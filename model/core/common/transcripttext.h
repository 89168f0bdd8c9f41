#pragma once
// The one notation of SMTP transcripts, for a session read from the logs (the session view, its
// copy, export and report) and for a conversation of the console or `mwb probe` (screen, copy,
// saved file, case): who spoke as an arrow, a silence said in words, peer text escaped.
#include <QString>
#include <QtGlobal>

namespace mwb {

// Who spoke a line. In a log, Connect/Disconnect are the session's '+' and '-' records; Warning
// and Error are the console's own remarks (a reply cut short, a failed handshake).
enum class Speaker { Client, Server, Info, Connect, Disconnect, Warning, Error };

// "C →" (client to server), "S ←" (server to client), "·", "+", "–", "!", "!!": the direction
// is in the text, so colour is a help and never the only signal.
QString speakerArrow(Speaker speaker);

// A silence longer than this is marked where stalls hide (354 waits, a dead peer).
inline constexpr qint64 kTranscriptGapMs = 1000;

// "1.2 s of silence".
QString silenceText(qint64 ms);

// One line as plain text: "<when>  <arrow> <text>", the text escaped so that it can never drive
// a terminal; `when` is whatever time notation the caller shows (absolute time, "+12 ms @262 ms"),
// or empty.
QString transcriptTextLine(const QString &when, Speaker speaker, const QString &text);

// The line that stands before a line that ended a silence, in text renderings.
QString silenceTextLine(qint64 ms);

} // namespace mwb
