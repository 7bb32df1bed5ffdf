#!/usr/bin/env python3
"""Splits the request threads' CPU samples of a command-path JFR recording into where the time goes.
Usage: jfr print --stack-depth 400 --events jdk.ExecutionSample x.jfr | bench/jfr-buckets.py
Each sample goes to the first bucket (in the order below) with a frame on its stack; threads other than Tomcat's
are reported as one line per thread-name prefix."""
import re, sys, collections
from jfr_samples import samples
BUCKETS = [
    ("Basic auth (credential cache + user SELECT)", ["VerifiedCredentialsCache.authenticate"]),
    ("campaign terms read in the command handler (Participation.openCampaign)", ["Participation.openCampaign"]),
    ("campaign terms read in the controller (SubmissionController -> campaigns.require)", ["SubmissionController.report>EventStoreLookups.find"]),
    ("aggregate load (snapshot + events, deserialize, apply)", ["EventSourcingRepository.doLoadWithLock"]),
    ("snapshot taking", ["Snapshotter", "AbstractSnapshotter"]),
    ("event append + commit (serialize, INSERT, COMMIT)", ["UnitOfWork.commit", "AbstractUnitOfWork.commit", "appendEvents", "TransactionManager.commit", "doCommit"]),
    ("command handler logic (rest of Participation.handle)", ["Participation.handle"]),
    ("rest of Axon command dispatch (UoW, interceptors, tx begin, locks)", ["SimpleCommandBus.dispatch"]),
    ("request JSON read + validation", ["readWithMessageConverters", "validateIfApplicable"]),
    ("response JSON write", ["writeWithMessageConverters"]),
    ("bare endpoint JDBC insert", ["BareReportController.report"]),
    ("Spring MVC / Security / Tomcat / metrics (the rest)", [""]),
]
counts, other, total = collections.Counter(), collections.Counter(), 0
def count(thread, frames):
    global total
    if 'http-nio' not in thread:
        name = re.sub(r'[-\d\]]+$', '', thread.split('"')[1] if '"' in thread else thread)
        other[name] += 1
        return
    total += 1
    chain = '>'.join(reversed(frames))  # root first
    for label, keys in BUCKETS:
        for k in keys:
            if '>' in k:
                a, b = k.split('>')
                i = chain.find(a)
                if i >= 0 and chain.find(b, i) >= 0 and 'CommandSender.dispatch' not in chain[i:chain.find(b, i)]:
                    counts[label] += 1
                    return
            elif k in chain:
                counts[label] += 1
                return
for thread, frames in samples(sys.stdin):
    count(thread, frames)
alls = total + sum(other.values())
print(f"request-thread samples: {total} of {alls} JVM samples ({100.0 * total / max(1, alls):.0f} %)")
for label, _ in BUCKETS:
    if counts[label]:
        print(f"{100.0 * counts[label] / total:5.1f}%  {label}")
print("other JVM threads (share of all JVM samples):")
for name, c in other.most_common(8):
    print(f"{100.0 * c / alls:5.1f}%  {name}")
