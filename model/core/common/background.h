#pragma once

#include "model/core/common/workpools.h"

#include <QThreadPool>

#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

namespace mwb {

// Frees the given objects on a thread of releasePool(). A cancelled load of millions of sessions would
// otherwise spend seconds in destructors before it could report "cancelled". The objects must not
// refer to anything that the caller frees.
template<typename... Ts>
void releaseInBackground(Ts &&...objects)
{
    static_assert((!std::is_lvalue_reference_v<Ts> && ...), "pass the objects with std::move");
    // One owner, moved into the task: the last reference must die on the pool thread.
    auto box = std::make_shared<std::tuple<std::decay_t<Ts>...>>(std::move(objects)...);
    releasePool()->start([box = std::move(box)]() mutable {
        lowerThreadPriority();
        box.reset();
    });
}

} // namespace mwb
