#!/usr/bin/env python3
"""Records what real Node prints for the JavaScript corpus (tests/data/js).

For every top-level .js / .mjs program it runs `node` (20.x) RUNS times in the
program's folder and keeps stdout and the exit code:
  NAME.stdout, NAME.exit        when every run printed the same;
  NAME.stdout, NAME.v2.stdout.. for a program whose first line is `// racy: why`,
                                one file per variant seen;
and refuses (exit 1) a program that is not marked racy but printed variants.
A program reads NAME.stdin from a pipe when there is one, /dev/null otherwise.
The tests compare loopscope's output with these files and never need Node.

    scripts/record-js-corpus.py [--runs 20] [PROGRAM...]
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', 'tests', 'data', 'js')


def run_once(program):
    input_file = os.path.splitext(program)[0] + '.stdin'
    piped = {'input': open(input_file, 'rb').read()} if os.path.exists(input_file) else {'stdin': subprocess.DEVNULL}
    done = subprocess.run(['node', os.path.basename(program)], cwd=os.path.dirname(program),
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60, **piped)
    return done.stdout, done.returncode


def record(program, runs):
    base = os.path.splitext(program)[0]
    with open(program, encoding='utf-8') as source:
        racy = source.readline().startswith('// racy:')
    seen = []
    for _ in range(runs):
        outcome = run_once(program)
        if outcome not in seen:
            seen.append(outcome)
    codes = {code for _, code in seen}
    if len(codes) > 1:
        return f'{program}: exit codes vary ({sorted(codes)})'
    if len(seen) > 1 and not racy:
        return f'{program}: {len(seen)} different outputs in {runs} runs; mark it `// racy: why` or make it deterministic'
    for old in glob.glob(base + '.v*.stdout'):
        os.remove(old)
    for index, (stdout, _) in enumerate(seen):
        suffix = '.stdout' if index == 0 else f'.v{index + 1}.stdout'
        with open(base + suffix, 'wb') as out:
            out.write(stdout)
    with open(base + '.exit', 'w') as out:
        out.write(f'{codes.pop()}\n')
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=20)
    parser.add_argument('programs', nargs='*')
    arguments = parser.parse_args()
    version = subprocess.run(['node', '--version'], stdout=subprocess.PIPE, text=True).stdout.strip()
    if not version.startswith('v20.'):
        sys.exit(f'record-js-corpus: needs Node 20, found {version}')
    programs = arguments.programs or sorted(glob.glob(os.path.join(CORPUS, '*.js')) +
                                            glob.glob(os.path.join(CORPUS, '*.mjs')))
    problems = [p for p in (record(os.path.abspath(program), arguments.runs) for program in programs) if p]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'recorded {len(programs) - len(problems)} of {len(programs)} programs with Node {version}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
