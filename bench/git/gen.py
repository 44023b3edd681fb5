#!/usr/bin/python3
"""gen.py DEAL.md: write a git fast-import stream of 1,000 deals with 5
versions each (5,000 commits, one deal per commit, across fake days) to
stdout.  Version 1 is a pre-close draft, 2 signed without 'Why they chose
us', 3 complete, 4 accepted by CS, 5 with the 30-day score."""
import re, sys

base = open(sys.argv[1], encoding="utf-8").read()
N, T0 = 1000, 1794988800   # 2026-11-18 08:00 UTC

def variant(i, v):
    d = re.sub(r"(?m)^deal: .*$", "deal: deal-%04d" % i, base)
    d = re.sub(r"(?m)^ae: .*$", "ae: AE %d <ae%d@vendor.example>" % (i % 7, i % 7), d)
    d = re.sub(r"(?m)^segment: .*$", "segment: " + ("smb", "mid-market", "enterprise")[i % 3], d)
    d = d.split("# Process")[0]
    if v == 1:
        d = d.replace("stage: signed", "stage: pre-close")
        d = re.sub(r"(?m)^signed: .*\n", "", d)
    if v <= 2:
        d = re.sub(r"(?s)## Why they chose us\n.*?(?=## )", "", d)
    d += "# Process\n## Handoff call\ndate: 2026-11-19\n"
    if v >= 4:
        d += "## CS review\ndecision: accepted\nby: Sam Okafor\ndate: 2026-11-20\n"
    if v >= 5:
        d += "## 30-day feedback\nscore: %d\ncomment: ok\n" % (i % 11)
    return d.encode("utf-8")

out = sys.stdout.buffer
mark = 0
for v in range(1, 6):
    for i in range(N):
        mark += 1
        data = variant(i, v)
        t = T0 + (v - 1) * 86400 + i * 10
        msg = b"deal-%04d v%d\n" % (i, v)
        out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
        out.write(b"author Bench <bench@vendor.example> %d +0000\n" % t)
        out.write(b"committer Bench <bench@vendor.example> %d +0000\n" % t)
        out.write(b"data %d\n%s" % (len(msg), msg))
        if mark > 1:
            out.write(b"from :%d\n" % (mark - 1))
        out.write(b"M 100644 inline deals/deal-%04d.md\ndata %d\n%s\n" % (i, len(data), data))
