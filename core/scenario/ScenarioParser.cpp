#include "ScenarioParser.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "ProgramFile.h"
#include "ScenarioReader.h"
#include "YamlSafety.h"
#include "YamlTree.h"

namespace loopscope {
namespace {

ParseResult fileProblem(const std::string& path, std::string message) {
    ParseResult result;
    result.diagnostics.push_back({path, 0, 0, std::move(message)});
    return result;
}

Diagnostic located(const std::string& file, const TextProblem& problem) {
    return {file, problem.where.line, problem.where.column, problem.message};
}

// `program:` is relative to the scenario file's folder, and must be a JavaScript file there.
void resolveProgram(Scenario& scenario, const std::string& displayName, const std::string& sourcePath,
                    std::vector<Diagnostic>& diagnostics) {
    std::string& program = scenario.program;
    if (program[0] != '/' && !sourcePath.empty()) {
        const std::size_t slash = sourcePath.rfind('/');
        if (slash != std::string::npos)
            program = sourcePath.substr(0, slash + 1) + program;
    }
    const SourceLocation at = scenario.programWhere;
    if (!isJavaScriptFile(program)) {
        diagnostics.push_back({displayName, at.line, at.column,
                               "`program:` names a JavaScript file (.js, .cjs or .mjs), found " + program});
        return;
    }
    struct stat info {};
    if (!sourcePath.empty() && (::stat(program.c_str(), &info) != 0 || !S_ISREG(info.st_mode)))
        diagnostics.push_back({displayName, at.line, at.column, "the program " + program + " is not there"});
    else if (program.size() > 4 && program.compare(program.size() - 4, 4, ".mjs") == 0)
        scenario.runtime.module = ModuleKind::Esm;
}

ParseResult parse(std::string_view text, const std::string& displayName, const std::string& sourcePath) {
    ParseResult result;
    if (text.size() > kMaxScenarioFileBytes) {
        result.diagnostics.push_back({displayName, 0, 0, "the scenario is " + std::to_string(text.size()) +
                                                             " bytes; scenario files are limited to " +
                                                             std::to_string(kMaxScenarioFileBytes) + " bytes"});
        return result;
    }
    if (auto problem = findUnsafeText(text)) {
        result.diagnostics.push_back(located(displayName, *problem));
        return result;
    }
    const YamlLoad yaml = loadYamlTree(text);
    if (yaml.problem) {
        result.diagnostics.push_back(located(displayName, *yaml.problem));
        return result;
    }
    if (!yaml.root || yaml.root->isNull()) {
        result.diagnostics.push_back(
            {displayName, 1, 1, "the file is empty; a scenario starts with `loopscope: 1` and has a `main:` list"});
        return result;
    }
    ScenarioRead read = readScenario(*yaml.root);
    for (const TextProblem& problem : read.problems)
        result.diagnostics.push_back(located(displayName, problem));
    if (result.diagnostics.empty() && !read.scenario.program.empty())
        resolveProgram(read.scenario, displayName, sourcePath, result.diagnostics);
    if (result.diagnostics.empty()) {
        read.scenario.sourcePath = sourcePath;
        result.scenario = std::move(read.scenario);
    }
    return result;
}

}  // namespace

ParseResult parseScenarioFile(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return fileProblem(path, errno == ENOENT ? "no such file" : std::string("cannot read the file: ") + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        return fileProblem(path, "is a directory, not a scenario file");
    if (!S_ISREG(info.st_mode))
        return fileProblem(path, "is not a regular file; a scenario is a .yaml or .json file");
    if (static_cast<std::uint64_t>(info.st_size) > kMaxScenarioFileBytes)
        return fileProblem(path, "the file is " + std::to_string(info.st_size) + " bytes; scenario files are limited to " +
                                     std::to_string(kMaxScenarioFileBytes) + " bytes");

    if (isJavaScriptFile(path)) {
        ParseResult program;
        program.scenario = programScenario(path);
        return program;
    }

    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fileProblem(path, std::string("cannot read the file: ") + std::strerror(errno));
    // One byte more than stat() saw, so a file that grew since is noticed.
    std::string text(static_cast<std::size_t>(info.st_size) + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return fileProblem(path, "cannot read the file");
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > static_cast<std::size_t>(info.st_size))
        return fileProblem(path, "the file changed while it was being read");
    return parse(text, path, path);
}

ParseResult parseScenarioText(std::string_view text, const std::string& displayName) {
    return parse(text, displayName, "");
}

}  // namespace loopscope
