#!/usr/bin/env python3
"""Runs commands as whole processes and compares them side by side.

For a comparison of A (the subject) against B (the baseline) it runs W warm-up pairs that are not counted, then
N counted pairs in the order A B A B ..., and for every run records:

  wall   elapsed time, from a monotonic clock (time.perf_counter_ns) around fork/exec and os.wait4
  cpu    user + system CPU time of the process and the children it waited for (rusage from os.wait4)
  rss    peak resident set size (ru_maxrss from os.wait4, KiB on Linux): the largest single process of the tree,
         not the sum of a process tree

The harness makes itself a child subreaper (Linux prctl PR_SET_CHILD_SUBREAPER), so descendants that the measured
process leaves running or does not wait for (the Go jsii runtime does not reap its node child) are reparented to
it; it waits for them too and adds their CPU time and peak RSS, so no part of a process tree goes uncounted.

It prints min / median / max of each figure for A and B, and the ratio A/B taken pair by pair (A_i / B_i),
summarised as median with min-max, so that drift of a noisy machine over the run affects both sides alike.

For a series of steps S1 S2 ... Sk (each a command that does what the one before does, and more), it runs them in
turn, S1 S2 ... Sk S1 S2 ..., and records each step's figures and, round by round, what each step adds to the one
before (S_i - S_(i-1)). A --ratio compares two such differences round by round, e.g. what importing this library adds
on top of cdktf against what importing cdktf adds to the bare interpreter.

Usage:
  harness.py compare --name NAME --a-label L --a CMD --b-label L --b CMD [--runs N] [--warmup W]
                     [--target-time X] [--target-rss X] [--json FILE] [--cwd DIR] [--env K=V ...]
  harness.py single  --name NAME --label L --cmd CMD [--runs N] [--warmup W] [--json FILE]
  harness.py series  --name NAME --step KEY LABEL CMD [--step ...] [--chain-start KEY ...]
                     [--ratio LABEL HI[-LO]/HI[-LO] TARGET|-] [--runs N] [--warmup W] [--json FILE]

CMD is split with shlex (no shell). BENCH_RUNS overrides the default --runs; a non-zero exit fails the run.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

FIGURES = ('wall', 'cpu', 'rss')
UNITS = {'wall': 's', 'cpu': 's', 'rss': 'MiB'}


def become_subreaper():
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


SUBREAPER = sys.platform.startswith('linux') and become_subreaper()


def reap_orphans(timeout=120.0):
    """Waits for descendants reparented to this process; returns (cpu seconds, max ru_maxrss KiB)."""
    cpu, rss = 0.0, 0
    deadline = time.monotonic() + timeout
    while True:
        try:
            pid, _, ru = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return cpu, rss
        if pid == 0:
            if time.monotonic() > deadline:
                raise SystemExit('harness: a descendant of the measured process is still running after it exited')
            time.sleep(0.005)
            continue
        cpu += ru.ru_utime + ru.ru_stime
        rss = max(rss, ru.ru_maxrss)


def run_once(argv, cwd, env, quiet=True):
    """Runs argv to completion; returns {wall (s), cpu (s), rss (MiB), rss_kib}."""
    stdout = subprocess.DEVNULL if quiet else None
    t0 = time.perf_counter_ns()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE)
    # Read stderr without waiting on the child through Popen, so that os.wait4 reaps it and returns its rusage.
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    t1 = time.perf_counter_ns()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    orphan_cpu, orphan_rss = reap_orphans() if SUBREAPER else (0.0, 0)
    if proc.returncode != 0:
        sys.stderr.write(err.decode('utf-8', 'replace')[-4000:])
        raise SystemExit(f'harness: {shlex.join(argv)} exited with {proc.returncode}')
    maxrss = max(ru.ru_maxrss, orphan_rss)
    return {
        'wall': (t1 - t0) / 1e9,
        'cpu': ru.ru_utime + ru.ru_stime + orphan_cpu,
        'rss': maxrss / 1024.0,
        'rss_kib': maxrss,
        'orphan_cpu': orphan_cpu,
    }


def summary(values):
    return {'min': min(values), 'median': statistics.median(values), 'max': max(values), 'n': len(values)}


def fmt(stat, figure, digits=None):
    if figure == 'rss':
        return f"{stat['median']:.0f} MiB ({stat['min']:.0f}–{stat['max']:.0f})"
    d = digits if digits is not None else (3 if stat['median'] < 1 else 2)
    return f"{stat['median']:.{d}f} s ({stat['min']:.{d}f}–{stat['max']:.{d}f})"


def fmt_ratio(stat):
    return f"{stat['median']:.3f}x ({stat['min']:.3f}–{stat['max']:.3f})"


def make_env(pairs):
    env = dict(os.environ)
    env.setdefault('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20')
    env.setdefault('CHECKPOINT_DISABLE', '1')
    for pair in pairs or []:
        k, _, v = pair.partition('=')
        env[k] = v
    return env


def default_runs(given):
    if given is not None:
        return given
    return int(os.environ.get('BENCH_RUNS', '7'))


def compare(args):
    runs = default_runs(args.runs)
    env = make_env(args.env)
    a, b = shlex.split(args.a), shlex.split(args.b)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    log(f'[{args.name}] {args.a_label}: {args.a}')
    log(f'[{args.name}] {args.b_label}: {args.b}')
    for i in range(args.warmup):
        run_once(a, args.cwd, env)
        run_once(b, args.cwd, env)
        log(f'[{args.name}] warm-up pair {i + 1}/{args.warmup} done')
    ra, rb = [], []
    for i in range(runs):
        ra.append(run_once(a, args.cwd, env))
        rb.append(run_once(b, args.cwd, env))
        log(f"[{args.name}] pair {i + 1}/{runs}: {args.a_label} {ra[-1]['wall']:.3f} s {ra[-1]['rss']:.0f} MiB | "
            f"{args.b_label} {rb[-1]['wall']:.3f} s {rb[-1]['rss']:.0f} MiB | "
            f"ratio {ra[-1]['wall'] / rb[-1]['wall']:.3f}")
    result = {
        'name': args.name,
        'kind': 'compare',
        'runs': runs,
        'warmup': args.warmup,
        'a': {'label': args.a_label, 'cmd': args.a, 'samples': ra},
        'b': {'label': args.b_label, 'cmd': args.b, 'samples': rb},
        'targets': {'wall': args.target_time, 'cpu': args.target_time, 'rss': args.target_rss},
        'date': time.strftime('%Y-%m-%dT%H:%M:%S%z'),
    }
    for side in ('a', 'b'):
        result[side]['stats'] = {f: summary([s[f] for s in result[side]['samples']]) for f in FIGURES}
    result['ratio'] = {f: summary([x[f] / y[f] for x, y in zip(ra, rb)]) for f in FIGURES}
    report(result)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, 'w') as fh:
            json.dump(result, fh, indent=1)
    return result


def single(args):
    runs = default_runs(args.runs)
    env = make_env(args.env)
    argv = shlex.split(args.cmd)
    for _ in range(args.warmup):
        run_once(argv, args.cwd, env)
    samples = [run_once(argv, args.cwd, env) for _ in range(runs)]
    result = {
        'name': args.name, 'kind': 'single', 'runs': runs, 'warmup': args.warmup,
        'a': {'label': args.label, 'cmd': args.cmd, 'samples': samples,
              'stats': {f: summary([s[f] for s in samples]) for f in FIGURES}},
        'date': time.strftime('%Y-%m-%dT%H:%M:%S%z'),
    }
    print(f"{args.name}: {args.label}: wall {fmt(result['a']['stats']['wall'], 'wall')}, "
          f"cpu {fmt(result['a']['stats']['cpu'], 'cpu')}, peak RSS {fmt(result['a']['stats']['rss'], 'rss')}")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, 'w') as fh:
            json.dump(result, fh, indent=1)
    return result


def parse_ratio(expr, keys):
    """'ours-cdktf/cdktf-python' -> (('ours', 'cdktf'), ('cdktf', 'python')); 'py/ts' -> (('py', None), ('ts', None))"""
    num, _, den = expr.partition('/')
    pairs = []
    for part in (num, den):
        hi, _, lo = part.partition('-')
        if hi not in keys or (lo and lo not in keys):
            raise SystemExit(f'harness: --ratio {expr}: steps are {", ".join(keys)}')
        pairs.append((hi, lo or None))
    return tuple(pairs)


def series(args):
    runs = default_runs(args.runs)
    env = make_env(args.env)
    steps = [{'key': k, 'label': label, 'cmd': cmd, 'argv': shlex.split(cmd), 'samples': []} for k, label, cmd in args.step]
    keys = [st['key'] for st in steps]
    ratios = [(label, expr, parse_ratio(expr, keys), None if target == '-' else float(target))
              for label, expr, target in (args.ratio or [])]
    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    for st in steps:
        log(f"[{args.name}] {st['key']}: {st['cmd']}")
    for i in range(args.warmup):
        for st in steps:
            run_once(st['argv'], args.cwd, env)
        log(f'[{args.name}] warm-up round {i + 1}/{args.warmup} done')
    for i in range(runs):
        for st in steps:
            st['samples'].append(run_once(st['argv'], args.cwd, env))
        log(f'[{args.name}] round {i + 1}/{runs}: ' +
            ' | '.join(f"{st['key']} {st['samples'][-1]['wall']:.3f} s" for st in steps))
    by_key = {st['key']: st for st in steps}
    starts = set(args.chain_start or []) | {keys[0]}
    for prev, st in zip([None] + steps[:-1], steps):
        st['stats'] = {f: summary([x[f] for x in st['samples']]) for f in FIGURES}
        st['chain_start'] = st['key'] in starts
        if not st['chain_start']:
            st['added'] = {f: summary([x[f] - y[f] for x, y in zip(st['samples'], prev['samples'])]) for f in FIGURES}
    result = {'name': args.name, 'kind': 'series', 'runs': runs, 'warmup': args.warmup,
              'steps': [{k: v for k, v in st.items() if k != 'argv'} for st in steps], 'ratios': [],
              'date': time.strftime('%Y-%m-%dT%H:%M:%S%z')}
    for label, expr, ((nh, nl), (dh, dl)), target in ratios:
        values = {}
        for f in FIGURES:
            per_round = []
            for r in range(runs):
                value = lambda key, r=r, f=f: by_key[key]['samples'][r][f] if key else 0.0
                num = value(nh) - value(nl)
                den = value(dh) - value(dl)
                if den > 0:
                    per_round.append(num / den)
            values[f] = summary(per_round) if per_round else None
        result['ratios'].append({'label': label, 'expr': expr, 'target': target, 'ratio': values})
    print(f"\n{args.name}: {runs} rounds ({' '.join(keys)} ...), median (min–max)")
    for st in steps:
        added = st.get('added')
        extra = f"  added: wall {added['wall']['median']:+.3f} s, cpu {added['cpu']['median']:+.3f} s, " \
                f"rss {added['rss']['median']:+.1f} MiB" if added else ''
        print(f"  {st['key']:>10} {fmt(st['stats']['wall'], 'wall'):>24} cpu {fmt(st['stats']['cpu'], 'cpu'):>24} "
              f"rss {fmt(st['stats']['rss'], 'rss'):>16}{extra}")
    for rt in result['ratios']:
        parts = ', '.join(f"{f} {fmt_ratio(rt['ratio'][f])}" for f in FIGURES if rt['ratio'][f])
        target = f" target ≤ {rt['target']}: {verdict(rt['ratio']['wall'], rt['target'])} (wall), " \
                 f"{verdict(rt['ratio']['cpu'], rt['target'])} (CPU)" if rt['target'] is not None else ''
        print(f"  {rt['label']} ({rt['expr']}): {parts}{target}")
    print()
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, 'w') as fh:
            json.dump(result, fh, indent=1)
    return result


def verdict(ratio, target):
    if target is None:
        return ''
    return 'met' if ratio['median'] <= target else 'MISSED'


def report(result):
    a, b, r, t = result['a'], result['b'], result['ratio'], result['targets']
    print(f"\n{result['name']}: {result['runs']} pairs (A B A B ...), median (min–max)")
    print(f"  {'':14} {a['label']:>28} {b['label']:>28} {'ratio A/B per pair':>30}")
    for f, title in (('wall', 'wall time'), ('cpu', 'CPU time'), ('rss', 'peak RSS')):
        target = t.get(f)
        suffix = f'  target ≤ {target}x: {verdict(r[f], target)}' if target else ''
        print(f"  {title:14} {fmt(a['stats'][f], f):>28} {fmt(b['stats'][f], f):>28} {fmt_ratio(r[f]):>30}{suffix}")
    print()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='mode', required=True)
    c = sub.add_parser('compare')
    c.add_argument('--name', required=True)
    c.add_argument('--a', required=True)
    c.add_argument('--a-label', default='A')
    c.add_argument('--b', required=True)
    c.add_argument('--b-label', default='B')
    c.add_argument('--runs', type=int)
    c.add_argument('--warmup', type=int, default=1)
    c.add_argument('--target-time', type=float)
    c.add_argument('--target-rss', type=float)
    c.add_argument('--json')
    c.add_argument('--cwd')
    c.add_argument('--env', action='append')
    s = sub.add_parser('single')
    s.add_argument('--name', required=True)
    s.add_argument('--cmd', required=True)
    s.add_argument('--label', default='A')
    s.add_argument('--runs', type=int)
    s.add_argument('--warmup', type=int, default=1)
    s.add_argument('--json')
    s.add_argument('--cwd')
    s.add_argument('--env', action='append')
    r = sub.add_parser('series')
    r.add_argument('--name', required=True)
    r.add_argument('--step', nargs=3, action='append', required=True, metavar=('KEY', 'LABEL', 'CMD'))
    r.add_argument('--ratio', nargs=3, action='append', metavar=('LABEL', 'HI-LO/HI-LO', 'TARGET'))
    r.add_argument('--chain-start', action='append', metavar='KEY',
                   help='this step starts a new chain: nothing is subtracted from it (the first step always does)')
    r.add_argument('--runs', type=int)
    r.add_argument('--warmup', type=int, default=1)
    r.add_argument('--json')
    r.add_argument('--cwd')
    r.add_argument('--env', action='append')
    args = p.parse_args()
    {'compare': compare, 'single': single, 'series': series}[args.mode](args)


if __name__ == '__main__':
    main()
