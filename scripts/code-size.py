#!/usr/bin/env python3
"""Lists the functions and classes of C++ sources that are longer than the house limits.

    scripts/code-size.py [--functions N] [--classes N] [--top K] PATH...

A function is a brace block opened right after a parameter list `(...)` (with optional
qualifiers such as const, override, noexcept or a trailing return type), at namespace or
class level; a class is a `class`/`struct`/`union` body. Lambdas and local classes count
as part of the function that holds them. Lines are counted from the line of the opening
brace's declaration to the closing brace, comments and blank lines included, so the
figure is what a reader scrolls through. Exit code 1 when something is over a limit.
"""
import argparse
import os
import re
import sys


def strip_comments_and_strings(text):
    """The text with comments, string and character literals blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if m:
                end = text.find(")" + m.group(1) + '"', i)
                end = n if end < 0 else end + len(m.group(1)) + 2
                out.append(re.sub(r"[^\n]", " ", text[i:end]))
                i = end
            else:
                out.append(c)
                i += 1
        elif c in "\"'":
            # a digit separator (1'000) is not a character literal
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (min(j, n - 1) - i + 1))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


FUNCTION_TAIL = re.compile(
    r"\)\s*(?:const\s*|override\s*|final\s*|noexcept(?:\([^)]*\))?\s*|mutable\s*|&\s*|&&\s*|"
    r"->\s*[\w:<>,\s*&]+?\s*)*(?::[^;{}]*)?$", re.S)
CLASS_HEAD = re.compile(r"\b(class|struct|union)\s+(?:\[\[[^\]]*\]\]\s*)?([\w:]+)[^;{}()]*$", re.S)
KEYWORD_BEFORE_PAREN = re.compile(r"\b(if|for|while|switch|catch|return)\s*\($")


def blocks(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    code = strip_comments_and_strings(text)
    line_of = [0] * (len(code) + 1)
    line = 1
    for i, c in enumerate(code):
        line_of[i] = line
        if c == "\n":
            line += 1
    line_of[len(code)] = line

    found = []
    # stack of (kind, name, start_offset); kind: 'namespace', 'class', 'function', 'other'
    stack = []
    last_stop = 0  # end of the previous statement / block boundary
    for i, c in enumerate(code):
        if c in ";":
            last_stop = i + 1
        elif c == "{":
            head = code[last_stop:i]
            inside_function = any(kind == "function" for kind, _, _ in stack)
            kind, name = "other", ""
            if not inside_function:
                stripped = head.strip()
                m = CLASS_HEAD.search(stripped)
                if re.search(r"\bnamespace\b[^;{}]*$", stripped) or stripped.startswith("extern \"C\""):
                    kind = "namespace"
                elif m and "(" not in stripped.split(m.group(0))[-1] and not stripped.endswith(")") and \
                        not re.search(r"\benum\b", stripped):
                    kind, name = "class", m.group(2)
                elif FUNCTION_TAIL.search(stripped) and "(" in stripped:
                    # the name before the parameter list that the tail closes
                    depth, j = 0, len(stripped) - 1
                    close = stripped.rfind(")") if ":" not in stripped.split(")")[-1] else None
                    # find the parameter list of the declarator (the first top-level (...) after the name)
                    m2 = re.search(r"([~\w:<>]+|operator\s*[^\s(]+)\s*\(", stripped)
                    name = m2.group(1) if m2 else "?"
                    if not KEYWORD_BEFORE_PAREN.search(stripped[: stripped.find("(") + 1]):
                        kind = "function"
            first_line = line_of[last_stop + len(head) - len(head.lstrip())]
            stack.append((kind, name, first_line))
            last_stop = i + 1
        elif c == "}":
            if stack:
                kind, name, first_line = stack.pop()
                if kind in ("function", "class"):
                    found.append((kind, name, first_line, line_of[i] - first_line + 1))
            last_stop = i + 1
    # a class's size includes its members defined outside its body
    for index, (kind, name, first_line, length) in enumerate(found):
        if kind == "class":
            outside = sum(l for k, n, _, l in found if k == "function" and n.startswith(name + "::"))
            found[index] = (kind, name, first_line, length + outside)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--functions", type=int, default=150)
    parser.add_argument("--classes", type=int, default=400)
    parser.add_argument("--top", type=int, default=0, help="also list the K longest of each kind")
    args = parser.parse_args()
    files = []
    for path in args.paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".cpp", ".h"))]
        else:
            files.append(path)
    everything = []
    for path in sorted(files):
        everything += [(path,) + b for b in blocks(path)]
    over = [b for b in everything if (b[1] == "function" and b[4] > args.functions) or
            (b[1] == "class" and b[4] > args.classes)]
    for kind in ("function", "class"):
        ranked = sorted((b for b in everything if b[1] == kind), key=lambda b: -b[4])
        if args.top:
            print(f"longest {kind}s:")
            for path, _, name, line, length in ranked[: args.top]:
                print(f"  {length:5d}  {path}:{line}  {name}")
    for path, kind, name, line, length in over:
        limit = args.functions if kind == "function" else args.classes
        print(f"{path}:{line}: {kind} {name} is {length} lines (limit {limit})")
    print(f"{len(files)} files, {sum(1 for b in everything if b[1] == 'function')} functions, "
          f"{sum(1 for b in everything if b[1] == 'class')} classes; {len(over)} over the limits")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
