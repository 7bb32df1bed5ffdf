"""What jfr-top.py and jfr-buckets.py read: the output of `jfr print --stack-depth 400 --events jdk.ExecutionSample`,
as one (thread, frames) pair per sample, the sampled thread's line and its frames top of stack first."""
import re

FRAME = re.compile(r'([\w$.<>/]+)\(.*\)\s+line:')


def samples(lines):
    frames, thread = [], ''
    for line in lines:
        s = line.strip()
        if s.startswith('jdk.ExecutionSample'):
            if frames:
                yield thread, frames
            frames, thread = [], ''
        elif s.startswith('sampledThread'):
            thread = s
        else:
            m = FRAME.match(s)
            if m:
                frames.append(m.group(1))
    if frames:
        yield thread, frames
