// A run document without its traces, as the content of a run file's first section
// (docs/run-file.md, "Document section"): origin, title, sources, overrides, limits, and
// per run its engine, exit code, process samples.
#pragma once

#include <string>
#include <string_view>

#include "RunDocument.h"

namespace loopscope {

// The traces of `document.runs` are not written: each has a section of its own.
std::string encodeDocumentSection(const RunDocument& document);

// The document with as many runs as were written, each with an empty trace. Throws
// RunFileDamage (its message beginning with `where`) when the content is damaged.
RunDocument decodeDocumentSection(std::string_view content, const std::string& where);

}  // namespace loopscope
