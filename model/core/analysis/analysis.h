#pragma once
// Load + diagnose in one call, and the contract's JSON for it. Shared by `mwb analyze`, the GUI,
// reports and case files.
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/loader.h"

#include <QIODevice>
#include <QJsonObject>

namespace mwb {

struct Analysis {
    std::shared_ptr<Store> store;
    QList<Finding> findings;
    // Set when the knowledge base could not be loaded: the logs are still loaded, but no rule ran,
    // so "no findings" must not be read as "healthy". Written to the JSON as an "errors" entry.
    QString knowledgeBaseError;
    bool hasUnreadableInput() const;   // some file or line could not be read (exit status 3)
    bool diagnosisFailed() const { return !knowledgeBaseError.isEmpty(); }   // exit status 3 too
};

// knowledgeBasePath empty = the compiled-in rules.
Analysis analyzePaths(const QStringList &paths, const LoadOptions &options = {}, const QString &knowledgeBasePath = {});

struct JsonOptions {
    bool sessions = false;
    bool messages = false;
};
// The contract's document for tests and callers that want it whole. It is parsed back from
// writeAnalysisJson's output, so both always agree.
QJsonObject analysisToJson(const Analysis &analysis, const JsonOptions &options = {});
// The same document, indented, written to `out` as it is made: one file, finding, message or
// session at a time in 64 KiB pieces (`mwb analyze --json`), so the whole document never exists in
// memory. The bytes are those of QJsonDocument(analysisToJson(...)).toJson(Indented) with the JSON
// control escapes of escapeJsonControls (keys in QJsonObject's sorted order).
void writeAnalysisJson(const Analysis &analysis, const JsonOptions &options, QIODevice &out);

// One session / message as in the contract's "sessions" / "messages" arrays (also used by export).
QJsonObject sessionToJson(const Session &session, const Store &store);
QJsonObject messageToJson(const Message &message, const Store &store);
// `all`: the list `finding` belongs to, for its "causedBy" (null without it).
QJsonObject findingToJson(const Finding &finding, const Store *store, const QList<Finding> *all = nullptr);

} // namespace mwb
