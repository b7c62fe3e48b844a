#!/usr/bin/env python3
"""The memory a long document's audio takes: builds a document with --audio
(PDF, HTML with Listen buttons, MP3) and checks the peak memory of the
program and its speech workers against a limit, whatever the audio's length:
the speech is kept on disk and encoded as it is read, never held whole.
Also checks that the clips are files beside the HTML, not inside it.

usage: listen_memory.py --easyread EXE --input FILE.md --out DIR --limit-mb N
(N = 0: memory not measured, for a sanitizer build)"""
import argparse
import os
import resource
import shutil
import subprocess
import sys

p = argparse.ArgumentParser()
p.add_argument('--easyread', required=True)
p.add_argument('--input', required=True)
p.add_argument('--out', required=True)
p.add_argument('--limit-mb', type=float, required=True)
a = p.parse_args()

shutil.rmtree(a.out, ignore_errors=True)
os.makedirs(a.out)
r = subprocess.run([a.easyread, 'build', a.input, '--audio', '-o', a.out], capture_output=True, text=True)
if r.returncode != 0:
    print(r.stderr)
    print('FAIL the build failed')
    sys.exit(1)
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
name = os.path.splitext(os.path.basename(a.input))[0]
mp3 = os.path.join(a.out, name + '.mp3')
d = subprocess.run(['ffprobe', '-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp3],
                   capture_output=True, text=True)
seconds = float(d.stdout.strip() or 0)
html = open(os.path.join(a.out, name + '.html'), encoding='utf-8').read()
clips = os.listdir(os.path.join(a.out, name + '-audio'))
failures = 0
checks = [
    (seconds > 60, f'the MP3 says {seconds / 60:.1f} minutes'),
    ('data:audio' not in html and len(clips) > 10, f'{len(clips)} clips are files beside the HTML, none inside it'),
]
if a.limit_mb > 0:
    checks.append((peak_mb <= a.limit_mb,
                   f'peak memory {peak_mb:.0f} MB for {seconds / 60:.1f} minutes of audio (limit {a.limit_mb:.0f} MB)'))
else:
    print(f'skip peak memory ({peak_mb:.0f} MB): a sanitizer build, whose shadow memory is not easyread\'s')
for ok, what in checks:
    print(('ok   ' if ok else 'FAIL ') + what)
    failures += not ok
sys.exit(1 if failures else 0)
