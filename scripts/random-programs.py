#!/usr/bin/env python3
"""Writes random ordering programs and compares loopscope with Node on them.

Each program mixes what Node schedules - setTimeout (0-3 ms, nested), setInterval with a
count, setImmediate, process.nextTick, promise reactions, queueMicrotask, async
functions with awaits, fs.readFile / crypto.randomBytes on the pool - and prints a
line from every callback. Only programs whose output Node gives identically RUNS times
are compared (the others are racy in Node itself, mostly timers against I/O).

    scripts/random-programs.py [--count 50] [--seed 1] [--runs 5] [--keep DIR]

Prints the programs where loopscope differs, with both outputs; exit 1 if any.
`--keep DIR` writes the compared programs there (to add to tests/data/js with
scripts/record-js-corpus.py).
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINE = os.path.join(HERE, '..', 'build', 'bin', 'loopscope-engine')


class Program:
    def __init__(self, rng):
        self.rng = rng
        self.counter = 0
        self.uses_fs = False

    def label(self):
        self.counter += 1
        return f'n{self.counter}'

    # A statement that schedules something whose callback logs and may schedule more.
    def schedule(self, depth):
        kinds = ['timeout', 'immediate', 'tick', 'promise', 'microtask', 'async']
        if depth < 2:
            kinds += ['interval', 'io']
        kind = self.rng.choice(kinds)
        name = self.label()
        body = self.body(depth + 1, name)
        if kind == 'timeout':
            return f'setTimeout(() => {{ {body} }}, {self.rng.choice([0, 0, 1, 2, 3])});'
        if kind == 'immediate':
            return f'setImmediate(() => {{ {body} }});'
        if kind == 'tick':
            return f'process.nextTick(() => {{ {body} }});'
        if kind == 'promise':
            hops = self.rng.randint(0, 2)
            chain = 'Promise.resolve()' + '.then(() => {})' * hops
            return f'{chain}.then(() => {{ {body} }});'
        if kind == 'microtask':
            return f'queueMicrotask(() => {{ {body} }});'
        if kind == 'async':
            awaits = ' '.join('await null;' for _ in range(self.rng.randint(1, 3)))
            return f'(async () => {{ {awaits} {body} }})();'
        if kind == 'interval':
            times = self.rng.randint(1, 3)
            return (f'{{ let k = 0; const t = setInterval(() => {{ k++; console.log("{name} tick", k); '
                    f'if (k === {times}) {{ clearInterval(t); {body} }} }}, {self.rng.choice([1, 2])}); }}')
        self.uses_fs = True
        return f'fs.readFile(__filename, () => {{ {body} }});'

    def body(self, depth, name):
        parts = [f'console.log("{name}");']
        if depth < 4:
            for _ in range(self.rng.choice([0, 0, 1, 1, 2])):
                parts.append(self.schedule(depth))
        return ' '.join(parts)

    def text(self):
        statements = [self.schedule(0) for _ in range(self.rng.randint(3, 7))]
        head = "const fs = require('fs');\n" if self.uses_fs else ''
        return head + "console.log('main start');\n" + '\n'.join(statements) + "\nconsole.log('main end');\n"


def run(command, cwd):
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60)
    return done.stdout, done.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--count', type=int, default=50)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--keep')
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    differ = compared = racy = 0
    with tempfile.TemporaryDirectory() as folder:
        for index in range(arguments.count):
            program = Program(rng)
            text = program.text()
            path = os.path.join(folder, f'random-{arguments.seed}-{index}.js')
            with open(path, 'w') as out:
                out.write(text)
            outcomes = {run(['node', path], folder) for _ in range(arguments.runs)}
            if len(outcomes) != 1:
                racy += 1
                continue
            compared += 1
            expected = outcomes.pop()
            got = run([ENGINE, 'run', path, '--print-log'], folder)
            if got != expected:
                differ += 1
                print(f'--- {os.path.basename(path)} differs\n{text}\nnode ({expected[1]}):\n{expected[0].decode()}'
                      f'loopscope ({got[1]}):\n{got[0].decode()}')
            if arguments.keep:
                os.makedirs(arguments.keep, exist_ok=True)
                with open(os.path.join(arguments.keep, os.path.basename(path)), 'w') as out:
                    out.write(text)
    print(f'{compared} programs compared ({racy} racy in Node left out): {differ} differ')
    return 1 if differ else 0


if __name__ == '__main__':
    sys.exit(main())
