#!/usr/bin/env python3
"""The memory a long document's audio takes: builds a document with --audio
(PDF, HTML with Listen buttons, MP3) and checks the peak memory of the
program and its speech workers together against a limit, whatever the
audio's length: the speech is kept on disk and encoded as it is read, never
held whole. The workers run at the same time, so their memory is summed
(proportional set size, sampled from /proc every 20 ms); the largest single
process's peak (getrusage) is a floor. Also checks that the clips are files
beside the HTML, not inside it: every button's clip is there and not empty,
and every clip there is a button's.

usage: listen_memory.py --easyread EXE --input FILE.md --out DIR --limit-mb N
(N = 0: memory not measured, for a sanitizer build)"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time

p = argparse.ArgumentParser()
p.add_argument('--easyread', required=True)
p.add_argument('--input', required=True)
p.add_argument('--out', required=True)
p.add_argument('--limit-mb', type=float, required=True)
a = p.parse_args()

shutil.rmtree(a.out, ignore_errors=True)
os.makedirs(a.out)


def tree(pid):
    """pid and its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f'/proc/{p}/task'):
                with open(f'/proc/{p}/task/{task}/children') as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def memory_kb(pid):
    """A process's proportional set size (shared pages split between their users), else its resident size."""
    for path, key in ((f'/proc/{pid}/smaps_rollup', 'Pss:'), (f'/proc/{pid}/status', 'VmRSS:')):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            pass
    return 0


log = open(os.path.join(a.out, 'build.log'), 'w+')
child = subprocess.Popen([a.easyread, 'build', a.input, '--audio', '-o', a.out], stdout=log, stderr=log)
tree_peak_kb = 0
while child.poll() is None:
    tree_peak_kb = max(tree_peak_kb, sum(memory_kb(p) for p in tree(child.pid)))
    time.sleep(0.02)
if child.returncode != 0:
    log.seek(0)
    print(log.read())
    print('FAIL the build failed')
    sys.exit(1)
single_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
peak_mb = max(tree_peak_kb / 1024.0, single_mb)
name = os.path.splitext(os.path.basename(a.input))[0]
mp3 = os.path.join(a.out, name + '.mp3')
d = subprocess.run(['ffprobe', '-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp3],
                   capture_output=True, text=True)
seconds = float(d.stdout.strip() or 0)
html = open(os.path.join(a.out, name + '.html'), encoding='utf-8').read()
clips = os.listdir(os.path.join(a.out, name + '-audio'))
buttons = re.findall(r'<button[^>]*class="listen"[^>]*>', html)
played = [re.search(r'data-audio="([^"]*)"', b) for b in buttons]
played = [m.group(1) for m in played if m]
there = [p for p in played if os.path.isfile(os.path.join(a.out, p)) and os.path.getsize(os.path.join(a.out, p)) > 400]
unused = set(clips) - {os.path.basename(p) for p in played}
failures = 0
checks = [
    (seconds > 60, f'the MP3 says {seconds / 60:.1f} minutes'),
    ('data:audio' not in html and len(clips) > 10, f'{len(clips)} clips are files beside the HTML, none inside it'),
    (len(buttons) > 10 and len(there) == len(buttons),
     f'every Listen button plays a clip that is there ({len(there)} of {len(buttons)})'),
    (not unused, f'and every clip there is a button\'s ({len(unused)} unused)'),
]
if a.limit_mb > 0:
    checks.append((peak_mb <= a.limit_mb,
                   f'peak memory {peak_mb:.0f} MB: the program and its speech workers together '
                   f'{tree_peak_kb / 1024:.0f} MB, the largest one {single_mb:.0f} MB, '
                   f'for {seconds / 60:.1f} minutes of audio (limit {a.limit_mb:.0f} MB)'))
else:
    print(f'skip peak memory ({peak_mb:.0f} MB): a sanitizer build, whose shadow memory is not easyread\'s')
for ok, what in checks:
    print(('ok   ' if ok else 'FAIL ') + what)
    failures += not ok
sys.exit(1 if failures else 0)
