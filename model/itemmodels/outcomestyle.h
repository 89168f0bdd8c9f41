#pragma once
// Colours and icons shared by every model, so an outcome or a severity looks the same everywhere.
// Colours are chosen to read on both light and dark palettes.
#include "model/core/common/exchangebuild.h"
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
// An Exchange build as the GUI shows it next to a server: "Exchange Server 2019 CU14 (15.2.1544.4)
// — OUT OF SUPPORT since 2025-10-14" or "… — supported". The support status is always in the
// words; callers add severityColor(Severity::Error) for an out-of-support build, never colour alone.
QString exchangeVersionLabel(const ExchangeBuild &build, const QDate &today = QDate::currentDate());

} // namespace mwb
