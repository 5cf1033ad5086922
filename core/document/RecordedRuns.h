// Runs as documents where the app meets them: which kind of file a path is (a saved run, a
// trace recorded by Node, or a scenario or program to run), opening a recording, the
// document of a run about to be saved, and the scenario a document was made from, so that
// its pictures are drawn with the settings the run had.
#pragma once

#include <string>
#include <vector>

#include "NodeTraceImport.h"
#include "RunFile.h"
#include "Scenario.h"

namespace loopscope {

enum class RecordingKind { SavedRun, NodeTrace, None };

// From the file's first bytes (a .lsrun's magic, a Chrome trace's `{"traceEvents":`);
// None for anything else, unreadable files included (running them says why).
RecordingKind recordingKindOf(const std::string& path);

// A saved run or a trace recorded by Node; the error names the file and what is wrong.
RunFileResult openRecording(const std::string& path);

// A document for a run of `path` (the scenario or program run) with `scenario`'s title,
// the texts of the files it was made from, this machine and this moment; runs are added
// by the caller. `overrides` are the command line's settings (overrideArguments).
RunDocument documentForRun(const std::string& path, const Scenario& scenario, std::vector<std::string> overrides);

// The command line's settings over a scenario's own, as arguments ("--threadpool", "8").
std::vector<std::string> overrideArguments(std::optional<int> threadpool, std::optional<int> cores,
                                           std::optional<Nanoseconds> horizon,
                                           const std::vector<std::string>& loadWaves);

// The scenario a document's run was made from, with its overrides; a document whose
// source cannot be read back (a trace from Node) gets a scenario with its title and the
// thread pool its trace shows.
Scenario scenarioOfDocument(const RunDocument& document);

}  // namespace loopscope
