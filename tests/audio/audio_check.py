#!/usr/bin/env python3
"""The audio version read back: builds tests/audio/listen.md to MP3 at two
speeds, decodes it with ffprobe and ffmpeg, and checks the ID3 tags, the chapter
marks (one per section, each starting in the pause before its first words),
silence and speech alternating between chunks, and the duration against the
words at the chosen speed.

usage: audio_check.py --easyread EXE --work DIR"""
import argparse
import array
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RATE = 8000          # decode at 8 kHz: plenty to tell speech from silence
FRAME = RATE // 50   # 20 ms frames
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def need(tool):
    if shutil.which(tool) is None:
        print(f"FAIL {tool} is not installed (scripts/install-deps --tests installs it)")
        sys.exit(1)


def build(exe, out, *extra):
    r = subprocess.run([exe, 'build', os.path.join(HERE, 'listen.md'), '-o', out, *extra],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr)
        sys.exit(f"FAIL easyread build -o {out} exited {r.returncode}")
    return r.stderr


def probe(path):
    r = subprocess.run(['ffprobe', '-v', 'error', '-print_format', 'json', '-show_format', '-show_streams',
                        '-show_chapters', path], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def decode(path):
    raw = subprocess.run(['ffmpeg', '-v', 'error', '-i', path, '-f', 's16le', '-ac', '1', '-ar', str(RATE), '-'],
                         capture_output=True, check=True).stdout
    a = array.array('h')
    a.frombytes(raw[:len(raw) // 2 * 2])
    return a


def loud_frames(samples):
    """One flag per 20 ms frame: True where there is speech."""
    out = []
    for i in range(0, len(samples) - FRAME + 1, FRAME):
        s = samples[i:i + FRAME]
        out.append(sum(x * x for x in s) / FRAME > 300 ** 2)
    return out


def runs(flags):
    """(loud, start_frame, length) for each run of equal flags."""
    result, start = [], 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            result.append((flags[start], start, i - start))
            start = i
    return result


def spoken_words(md):
    """Words the listener hears: the cover lines, the body, the Hard words page and the contact page."""
    text = open(md, encoding='utf-8').read()
    front, body = text.split('\n---\n', 1)
    meta = dict(l.split(': ', 1) for l in front.splitlines() if ': ' in l)
    body = re.sub(r'[#*]', ' ', body)
    words = len(body.split())
    words += len(meta['title'].split()) + len(('This is an easy read version of ' + meta['summary_of']).split())
    words += len(meta['organisation'].split()) * 2 + len(meta['date'].split()) + len(meta['contact'].split())
    return words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--easyread', required=True)
    ap.add_argument('--work', required=True)
    args = ap.parse_args()
    for tool in ('ffprobe', 'ffmpeg'):
        need(tool)
    os.makedirs(args.work, exist_ok=True)
    slow = os.path.join(args.work, 'listen-140.mp3')
    fast = os.path.join(args.work, 'listen-200.mp3')
    build(args.easyread, slow)
    build(args.easyread, fast, '--words-per-minute', '200')

    info = probe(slow)
    stream = info['streams'][0]
    tags = {k.lower(): v for k, v in info['format'].get('tags', {}).items()}
    check(info['format']['format_name'] == 'mp3' and stream['codec_name'] == 'mp3', 'the file is MPEG audio layer III')
    check(stream['channels'] == 1, 'one channel (speech)')
    check(tags.get('title') == 'Our health checks', 'ID3 title is the document title: %r' % tags.get('title'))
    check(tags.get('artist') == 'Millbrook Council', 'ID3 artist is the organisation: %r' % tags.get('artist'))
    check(tags.get('language') == 'en-GB' or tags.get('tlan') == 'en-GB', 'ID3 language is the document lang')

    chapters = info['chapters']
    titles = [c['tags'].get('title') for c in chapters]
    want = ['Our health checks', 'About health checks', 'What we found', 'What happens next', 'Hard words',
            'Contact us']
    check(titles == want, 'a chapter per section, in order: %r' % titles)
    duration = float(info['format']['duration'])
    check(abs(float(chapters[0]['start_time'])) < 0.01, 'the first chapter starts at 0')
    check(abs(float(chapters[-1]['end_time']) - duration) < 0.6, 'the last chapter ends at the end')
    for a, b in zip(chapters, chapters[1:]):
        check(abs(float(a['end_time']) - float(b['start_time'])) < 0.01, f"chapter '{a['tags']['title']}' ends where the next starts")

    samples = decode(slow)
    flags = loud_frames(samples)
    seconds = len(flags) / 50
    check(abs(seconds - duration) < 0.5, f'decoded length {seconds:.1f} s matches the stated {duration:.1f} s')

    # Each chapter starts in a pause (silence just before and just after its start
    # time) and speech follows within the pause's length.
    for c in chapters[1:]:
        f = int(float(c['start_time']) * 50)
        before = flags[max(0, f - 10):f]
        after = flags[f:f + 75]
        check(not any(before) and not any(after[:10]) and any(after),
              f"chapter '{c['tags']['title']}' at {float(c['start_time']):.2f} s starts in the pause before its first words")

    # Silence and speech alternate: long pauses (chunk 0.7 s, section 1.6 s)
    # between runs of speech; sections have the longest.
    r = runs(flags)
    pauses = [n / 50 for loud, _, n in r[1:-1] if not loud]
    long_pauses = [p for p in pauses if p >= 0.6]
    section_pauses = [p for p in pauses if p >= 1.4]
    speech = sum(n for loud, _, n in r if loud) / 50
    print(f'  {len(r)} runs, {len(long_pauses)} pauses of 0.6 s or more, {len(section_pauses)} of 1.4 s or more, '
          f'{speech:.1f} s of speech in {seconds:.1f} s')
    # 6 sections -> 5 section pauses; the chunks in between give the others.
    check(len(section_pauses) == 5, f'5 section pauses (got {len(section_pauses)}: {section_pauses})')
    check(len(long_pauses) >= 14, f'a pause between every pair of chunks (got {len(long_pauses)})')
    check(0.45 < speech / seconds < 0.9, f'speech is {100 * speech / seconds:.0f}% of the time')

    words = spoken_words(os.path.join(HERE, 'listen.md'))
    expected = words / 140 * 60
    check(0.7 < speech / expected < 1.8 and 0.9 < duration / expected < 2.6,
          f'{duration:.1f} s ({speech:.1f} s of speech) for about {words} words at 140 a minute ({expected:.1f} s)')
    fast_duration = float(probe(fast)['format']['duration'])
    fast_speech = sum(n for loud, _, n in runs(loud_frames(decode(fast))) if loud) / 50
    check(1.2 < speech / fast_speech < 1.7,
          f'at 200 words a minute the speech takes {fast_speech:.1f} s, {speech / fast_speech:.2f} times shorter')
    check(fast_duration < duration, 'and the whole file is shorter')

    # A voice espeak-ng lacks is an error that names the voices it has for the language.
    r = subprocess.run([args.easyread, 'build', os.path.join(HERE, 'listen.md'), '-o',
                        os.path.join(args.work, 'no-voice.mp3'), '--voice', 'klingon-x'],
                       capture_output=True, text=True)
    check(r.returncode != 0, 'an unknown --voice fails')
    check("no espeak-ng voice called 'klingon-x'" in r.stderr and 'en-gb-scotland' in r.stderr,
          'and names the voices there are: %r' % r.stderr[-400:])
    check('espeak-ng --voices' not in r.stderr, 'without pointing at a program that is not installed')

    if failures:
        print(f'{len(failures)} failed')
        sys.exit(1)
    print('all passed')


main()
