#!/usr/bin/env python3
"""Summarise `jfr print --stack-depth 400 --events jdk.ExecutionSample` output: top self frames and top inclusive frames.
Usage: jfr print --stack-depth 400 --events jdk.ExecutionSample x.jfr | bench/jfr-top.py [N] [thread-substring]"""
import re, sys, collections
n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
only = sys.argv[2] if len(sys.argv) > 2 else None
self_c, incl_c = collections.Counter(), collections.Counter()
total = 0
frames, thread = [], ''
def flush():
    global total
    if not frames or (only and only not in thread):
        return
    total += 1
    self_c[frames[0]] += 1
    for f in set(frames):
        incl_c[f] += 1
for line in sys.stdin:
    s = line.strip()
    if s.startswith('jdk.ExecutionSample'):
        flush(); frames, thread = [], ''
    elif s.startswith('sampledThread'):
        thread = s
    else:
        m = re.match(r'([\w$.<>/]+)\(.*\)\s+line:', s)
        if m:
            frames.append(m.group(1))
flush()
print(f"samples: {total}")
print("-- self (top of stack)")
for f, c in self_c.most_common(n):
    print(f"{100.0 * c / total:5.1f}%  {f}")
print("-- inclusive")
for f, c in incl_c.most_common(4 * n):
    print(f"{100.0 * c / total:5.1f}%  {f}")
