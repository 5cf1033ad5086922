#include "QueueNames.h"

#include <iterator>

namespace loopscope {
namespace {

constexpr bool rowsInKindOrder() {
    for (std::size_t i = 0; i < std::size(kQueueNames); ++i)
        if (static_cast<std::size_t>(kQueueNames[i].kind) != i)
            return false;
    return true;
}
static_assert(rowsInKindOrder(), "kQueueNames must list the queues in QueueKind order");
static_assert(std::size(kQueueNames) == static_cast<std::size_t>(QueueKind::PoolFifo) + 1,
              "every QueueKind needs a row in kQueueNames");

}  // namespace

const QueueNames& queueNames(QueueKind queue) {
    const auto index = static_cast<std::size_t>(queue);
    return index < std::size(kQueueNames) ? kQueueNames[index] : kQueueNames[0];
}

const char* queueName(QueueKind queue) {
    const auto index = static_cast<std::size_t>(queue);
    return index < std::size(kQueueNames) ? kQueueNames[index].name : "?";
}

const char* callbackLabel(QueueKind queue, Phase phase) {
    if (queue == QueueKind::None && phase == Phase::MainScript)
        return "main script";
    return queueNames(queue).callback;
}

}  // namespace loopscope
