// `loopscope compare A [B] [--with-node] [--png/--svg/--pdf OUT]`: two runs on one time axis
// with a table of their differences. A run is a saved run (.lsrun), a trace recorded by
// Node, or a scenario or program, which is run first (on the event-loop engine). One file
// with both engines in it compares its engines; one program with --with-node compares
// loopscope's run of it with Node's.
#pragma once

#include <QStringList>

namespace loopscope {

int compareCommand(const QStringList& arguments);

}  // namespace loopscope
