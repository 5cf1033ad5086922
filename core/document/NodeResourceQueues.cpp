#include "NodeResourceQueues.h"

namespace loopscope {

QueueKind queueOfAsyncResource(std::string_view type) {
    if (type == "Timeout")
        return QueueKind::Timers;
    if (type == "Immediate")
        return QueueKind::Check;
    if (type == "TickObject")
        return QueueKind::NextTick;
    if (type == "PROMISE" || type == "Microtask")
        return QueueKind::Microtask;
    return QueueKind::Poll;
}

}  // namespace loopscope
