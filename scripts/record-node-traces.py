#!/usr/bin/env python3
"""Records the traces of real Node that the trace import is tested on (tests/data/node-traces).

For every program NAME.js there it runs, in a temporary folder (so that the trace names no
local path), with a pool of 4 threads (UV_THREADPOOL_SIZE=4):
    node --trace-event-categories CATEGORIES NAME.js
and keeps Node's node_trace.1.log, unchanged, as NAME.trace.json. Then it makes two files
from pbkdf2's recording, because a real one would be far too large to keep in the tree:
  pbkdf2-set.1.trace.json, .2., .3.   the trace split into a numbered set as Node splits it
      (Node closes a file with "]}" after 2^19 events and opens node_trace.2.log, ...);
      here the split is every third of the events, each file a whole {"traceEvents":[...]}.
  pbkdf2-killed.trace.json            the trace as a process killed while it ran leaves it:
      the events Node had flushed, then nothing, no closing "]}" (checked against a real
      SIGKILLed recording, 21 MB: its last event is whole and nothing follows it). Here the
      first 60% of the events.
The tests read these files and never need Node.

    scripts/record-node-traces.py [PROGRAM...]
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TRACES = os.path.join(HERE, '..', 'tests', 'data', 'node-traces')
CATEGORIES = ('node,node.async_hooks,node.environment,node.threadpoolwork.async,'
              'node.threadpoolwork.sync,node.fs.async,node.perf')


def record(program):
    name = os.path.splitext(os.path.basename(program))[0]
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(program, folder)
        environment = dict(os.environ, UV_THREADPOOL_SIZE='4')
        done = subprocess.run(['node', '--trace-event-categories', CATEGORIES, os.path.basename(program)],
                              cwd=folder, env=environment, stdout=subprocess.DEVNULL, timeout=60)
        if done.returncode != 0:
            sys.exit(f'record-node-traces: {program} exited with {done.returncode}')
        written = sorted(glob.glob(os.path.join(folder, 'node_trace.*.log')))
        if len(written) != 1:
            sys.exit(f'record-node-traces: {program} wrote {len(written)} trace files, expected 1')
        target = os.path.join(TRACES, name + '.trace.json')
        shutil.copy(written[0], target)
    return target


def events_of(path):
    with open(path, encoding='utf-8') as trace:
        return json.load(trace)['traceEvents']


def event_text(event):
    return json.dumps(event, separators=(',', ':'), ensure_ascii=False)


def write_numbered_set(events, stem, files):
    for old in glob.glob(os.path.join(TRACES, stem + '.*.trace.json')):
        os.remove(old)
    size = (len(events) + files - 1) // files
    for index in range(files):
        part = events[index * size:(index + 1) * size]
        with open(os.path.join(TRACES, f'{stem}.{index + 1}.trace.json'), 'w', encoding='utf-8') as out:
            out.write('{"traceEvents":[' + ','.join(event_text(event) for event in part) + ']}')


def write_killed(events, path, fraction):
    kept = events[:int(len(events) * fraction)]
    with open(path, 'w', encoding='utf-8') as out:
        out.write('{"traceEvents":[' + ','.join(event_text(event) for event in kept))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('programs', nargs='*')
    arguments = parser.parse_args()
    version = subprocess.run(['node', '--version'], stdout=subprocess.PIPE, text=True).stdout.strip()
    if not version.startswith('v20.'):
        sys.exit(f'record-node-traces: needs Node 20, found {version}')
    programs = arguments.programs or sorted(glob.glob(os.path.join(TRACES, '*.js')))
    for program in programs:
        target = record(os.path.abspath(program))
        if os.path.basename(program) == 'pbkdf2.js':
            events = events_of(target)
            write_numbered_set(events, 'pbkdf2-set', 3)
            write_killed(events, os.path.join(TRACES, 'pbkdf2-killed.trace.json'), 0.6)
    print(f'recorded {len(programs)} programs with Node {version}')


if __name__ == '__main__':
    main()
