#pragma once
// Colours and icons shared by every model, so an outcome or a severity looks the same everywhere.
// Colours are chosen to read on both light and dark palettes.
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/types.h"

#include <QColor>
#include <QIcon>

namespace mwb {

QColor outcomeColor(SessionOutcome outcome);
QIcon outcomeIcon(SessionOutcome outcome);
QString outcomeLabel(SessionOutcome outcome);
QColor severityColor(Severity severity);
QIcon severityIcon(Severity severity);
QString severityLabel(Severity severity);

} // namespace mwb
