#pragma once
// How every view shows times: UTC or the machine's local zone, toggled by the admin.
#include "model/core/common/timeutil.h"

#include <QString>

namespace mwb {

enum class TimeDisplay { Utc, Local };

// "2026-11-20 08:00:01.234" (+ " UTC" suffix when asked), or "" for kNoTime.
QString formatTime(qint64 ms, TimeDisplay display, bool withZone = false);
// formatDuration (one duration text for every view, report and status line) is in
// model/core/common/timeutil.h.

} // namespace mwb
