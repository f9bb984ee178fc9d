#!/usr/bin/env python3
"""Renders the benchmark results (bench/results/*.json, written by harness.py, machine.py and bench/cli/list-calls.js)
as Markdown tables.

  report.py RESULTS_DIR               prints every table
  report.py RESULTS_DIR --doc FILE    replaces each block between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`
                                      in FILE with the table NAME (machine, load, load-floor, synth, languages,
                                      languages-ratios, languages-go, cli, cli-calls, workloads)
"""
import glob
import json
import os
import re
import sys

SECTIONS = {
    'load': ['load-library', 'load-provider-root'],
    'synth': ['synth-example', 'synth-rules-cache', 'synth-rules-standalone'],
    'languages-go': ['lang-go'],
    'cli': ['cli-validate'],
}
FIGURES = (('wall', 'wall time'), ('cpu', 'CPU time'), ('rss', 'peak RSS'))


def load_results(directory):
    results = {}
    for path in sorted(glob.glob(os.path.join(directory, '*.json'))):
        with open(path) as fh:
            data = json.load(fh)
        results[data.get('name', os.path.basename(path)[:-5])] = data
    return results


def fmt(stat, figure):
    if figure == 'rss':
        return f"{stat['median']:.0f} MiB ({stat['min']:.0f}–{stat['max']:.0f})"
    d = 3 if stat['median'] < 1 else 2
    return f"{stat['median']:.{d}f} s ({stat['min']:.{d}f}–{stat['max']:.{d}f})"


def fmt_ratio(stat):
    return f"**{stat['median']:.3f}x** ({stat['min']:.3f}–{stat['max']:.3f})"


def verdict(ratio, target):
    if not target:
        return '–', '–'
    ok = ratio['median'] <= target
    note = 'met' if ok else '**missed**'
    if ok and ratio['max'] > target:
        note = 'met (median; some pairs above)'
    return f'≤ {target:g}x', note


def compare_table(results, names):
    rows = ['| Comparison (A vs B) | Figure | A: median (min–max) | B: median (min–max) | A/B per pair: median (min–max) | Target | Met |',
            '| --- | --- | --- | --- | --- | --- | --- |']
    found = False
    for name in names:
        r = results.get(name)
        if not r or r.get('kind') != 'compare':
            continue
        found = True
        title = f"{r['a']['label']} vs {r['b']['label']} ({r['runs']} pairs)"
        for i, (f, label) in enumerate(FIGURES):
            target, met = verdict(r['ratio'][f], r['targets'].get(f))
            rows.append(f"| {title if i == 0 else ''} | {label} | {fmt(r['a']['stats'][f], f)} | "
                        f"{fmt(r['b']['stats'][f], f)} | {fmt_ratio(r['ratio'][f])} | {target} | {met} |")
    return '\n'.join(rows) if found else '_No results in this run._'


def fmt_added(stat, figure):
    if figure == 'rss':
        return f"{stat['median']:+.0f} MiB"
    return f"{stat['median']:+.3f} s"


def series_table(results, name):
    r = results.get(name)
    if not r or r.get('kind') != 'series':
        return '_No results in this run._'
    rows = [f"| Step ({r['runs']} rounds, in turn) | wall time: median (min–max) | CPU time | peak RSS | "
            'adds to the step above, per round (wall / CPU / RSS) |',
            '| --- | --- | --- | --- | --- |']
    for st in r['steps']:
        added = st.get('added')
        adds = ' / '.join(fmt_added(added[f], f) for f, _ in FIGURES) if added else '–'
        rows.append(f"| {st['label']} | {fmt(st['stats']['wall'], 'wall')} | {fmt(st['stats']['cpu'], 'cpu')} | "
                    f"{fmt(st['stats']['rss'], 'rss')} | {adds} |")
    return '\n'.join(rows)


def series_ratios_table(results, name):
    r = results.get(name)
    if not r or r.get('kind') != 'series' or not r.get('ratios'):
        return '_No results in this run._'
    rows = ['| Ratio (per round) | wall time: median (min–max) | CPU time | peak RSS | Target | Met |',
            '| --- | --- | --- | --- | --- | --- |']
    for rt in r['ratios']:
        cells = [fmt_ratio(rt['ratio'][f]) if rt['ratio'][f] else '–' for f, _ in FIGURES]
        target = rt.get('target')
        if target is None:
            goal, met = '–', '–'
        else:
            goal = f'≤ {target:g} (time)'
            ok = [rt['ratio'][f]['median'] <= target for f in ('wall', 'cpu') if rt['ratio'][f]]
            met = 'met' if all(ok) else ('**missed**' if not any(ok) else 'met in CPU time, **missed** in wall time'
                                          if ok[-1] else 'met in wall time, **missed** in CPU time')
        rows.append(f"| {rt['label']} (`{rt['expr']}`) | {' | '.join(cells)} | {goal} | {met} |")
    return '\n'.join(rows)


def floor_table(results):
    rows = ['| Program | wall time: median (min–max) | CPU time | peak RSS |', '| --- | --- | --- | --- |']
    found = False
    for name, title in (('load-node-baseline', 'empty Node.js program'), ('load-cdktf-only', '`require` cdktf + constructs')):
        r = results.get(name)
        if not r:
            continue
        found = True
        st = r['a']['stats']
        rows.append(f"| {title} ({r['runs']} runs) | {fmt(st['wall'], 'wall')} | {fmt(st['cpu'], 'cpu')} | {fmt(st['rss'], 'rss')} |")
    return '\n'.join(rows) if found else '_No results in this run._'


def cli_calls_table(results):
    r = results.get('cli-list-calls')
    if not r:
        return '_No results in this run._'
    rows = ['| Rules in the registry | API calls by `ecr-ptc list` | maxResults per call | rules listed |',
            '| --- | --- | --- | --- |']
    for row in r['results']:
        calls = ', '.join(f'{op} × {n}' for op, n in sorted(row['calls'].items()))
        rows.append(f"| {row['rules']:,} | {calls} | {', '.join(str(x) for x in row['maxResults'])} | {row['listed']:,} |")
    return '\n'.join(rows)


def workloads_table(results):
    r = results.get('workloads-rewrite-check')
    files = results.get('workloads-files')
    if not r or not files:
        return '_No results in this run._'
    st = r['a']['stats']
    wall = st['wall']
    per_second = lambda seconds: files['files'] / seconds
    rows = ['| Run | Files (references) | wall time: median (min–max) | files per second: median (min–max) | CPU time | peak RSS |',
            '| --- | --- | --- | --- | --- | --- |',
            f"| {r['a'].get('label', 'rewrite --check')} ({r['runs']} runs) | {files['files']:,} ({files['references']:,}) | "
            f"{fmt(wall, 'wall')} | **{per_second(wall['median']):,.0f}** ({per_second(wall['max']):,.0f}–{per_second(wall['min']):,.0f}) | "
            f"{fmt(st['cpu'], 'cpu')} | {fmt(st['rss'], 'rss')} |"]
    return '\n'.join(rows)


def machine_table(results):
    m = results.get('machine')
    if not m:
        return '_No machine record in this run._'
    pk = m.get('packages', {})
    rows = ['| | |', '| --- | --- |',
            f"| Date | {m['date']} |",
            f"| CPU | {m['cpu']}, {m['cores']} cores{' (' + m['hypervisor'] + ')' if m.get('hypervisor') else ''} |",
            f"| Memory | {m['memory_gib']} GiB |",
            f"| OS | {m['os']} |",
            f"| Node.js | {m['node']} |",
            f"| Python | {m['python']} |",
            f"| Go | {m['go'].replace('go version ', '')} |",
            f"| Java | {m['java']} |",
            '| Packages | ' + ', '.join(f'{k} {v}' for k, v in pk.items()) + ' |']
    runs = results.get('run')
    if runs:
        rows.append(f"| This run | `{runs['command']}`, {runs['runs']} counted pairs per comparison "
                    f"(+{runs['warmup']} warm-up), {runs['seconds'] / 60:.1f} min in total |")
    return '\n'.join(rows)


def lang_status(results):
    status = results.get('lang-status')
    if not status:
        return ''
    lines = []
    for lang, text in status.get('notes', {}).items():
        lines.append(f'- {lang}: {text}')
    return '\n'.join(lines)


def render(results):
    out = {
        'machine': machine_table(results),
        'cli-calls': cli_calls_table(results),
        'load-floor': floor_table(results),
        'workloads': workloads_table(results),
    }
    for section, names in SECTIONS.items():
        out[section] = compare_table(results, names)
    out['languages'] = series_table(results, 'lang-python')
    out['languages-ratios'] = series_ratios_table(results, 'lang-python')
    notes = lang_status(results)
    if notes:
        out['languages-go'] = (out['languages-go'] + '\n\n' + notes) if not out['languages-go'].startswith('_') else notes
    return out


def main():
    directory = sys.argv[1]
    results = load_results(directory)
    tables = render(results)
    if '--doc' in sys.argv:
        doc = sys.argv[sys.argv.index('--doc') + 1]
        with open(doc) as fh:
            text = fh.read()
        for name, table in tables.items():
            pattern = re.compile(rf'(<!-- bench:{re.escape(name)} -->)\n.*?(<!-- /bench:{re.escape(name)} -->)', re.S)
            text, n = pattern.subn(lambda m: f'{m.group(1)}\n{table}\n{m.group(2)}', text)
            if n == 0:
                print(f'report: no <!-- bench:{name} --> block in {doc}; not written there', file=sys.stderr)
        with open(doc, 'w') as fh:
            fh.write(text)
        print(f'report: tables written into {doc}', file=sys.stderr)
    else:
        for name, table in tables.items():
            print(f'## {name}\n\n{table}\n')


if __name__ == '__main__':
    main()
