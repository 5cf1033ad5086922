// libyaml's syntax errors said in words a teacher can act on, placed at the real culprit:
// the `]` that closes nothing rather than the `{` it interrupts, the opening quote or
// bracket that is never closed, the spot where a `,` is missing. Every message names what
// was found there and what was expected.
#pragma once

#include <string_view>

#include <yaml.h>

#include "TextProblem.h"

namespace loopscope {

// `parser` has just failed on `text`.
TextProblem explainYamlError(const yaml_parser_t& parser, std::string_view text);

}  // namespace loopscope
