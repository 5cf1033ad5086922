// A scenario's `notes:`: moments of the run the timeline marks, with teaching text.
#pragma once

#include <vector>

#include "FieldReader.h"
#include "Scenario.h"

namespace loopscope {

void readNotesSection(FieldReader& fields, const Field& section, std::vector<Note>& notes);

}  // namespace loopscope
