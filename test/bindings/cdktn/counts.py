#!/usr/bin/env python3
"""Prints "<passed> <failed>" from test runners' own reports, for test/bindings/cdktn/run.sh.

    counts.py junit FILE...     pytest or Surefire JUnit XML (a file that is missing or has no test: one failure)
    counts.py go FILE           `go test -json` output (a package that failed outside any test: one failure)
"""
import json
import sys
import xml.etree.ElementTree as ET


def junit(files):
    tests = bad = skipped = 0
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except (OSError, ET.ParseError):
            bad += 1
            continue
        for s in [root] if root.tag == "testsuite" else root.findall("testsuite"):
            tests += int(s.get("tests", 0))
            skipped += int(s.get("skipped", 0))
            bad += int(s.get("failures", 0)) + int(s.get("errors", 0))
    return tests - bad - skipped, bad if tests else max(bad, 1)


def go(file):
    passed = failed = package_failed = 0
    for line in open(file):
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if e.get("Test") and "/" not in e["Test"]:
            passed += e.get("Action") == "pass"
            failed += e.get("Action") == "fail"
        elif not e.get("Test") and e.get("Action") == "fail":
            package_failed += 1
    return passed, failed if failed or not package_failed else package_failed


if __name__ == "__main__":
    kind, files = sys.argv[1], sys.argv[2:]
    p, f = junit(files) if kind == "junit" else go(files[0])
    print(p, f if p or f else 1)
