#!/usr/bin/env python3
"""Summarise `jfr print --stack-depth 400 --events jdk.ExecutionSample` output: top self frames and top inclusive frames.
Usage: jfr print --stack-depth 400 --events jdk.ExecutionSample x.jfr | bench/jfr-top.py [N] [thread-substring]"""
import sys, collections
from jfr_samples import samples
n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
only = sys.argv[2] if len(sys.argv) > 2 else None
self_c, incl_c = collections.Counter(), collections.Counter()
total = 0
for thread, frames in samples(sys.stdin):
    if only and only not in thread:
        continue
    total += 1
    self_c[frames[0]] += 1
    for f in set(frames):
        incl_c[f] += 1
print(f"samples: {total}")
print("-- self (top of stack)")
for f, c in self_c.most_common(n):
    print(f"{100.0 * c / total:5.1f}%  {f}")
print("-- inclusive")
for f, c in incl_c.most_common(4 * n):
    print(f"{100.0 * c / total:5.1f}%  {f}")
