// Summarizes V8 CPU profiles (node --cpu-prof) by where the time was spent: self time per package (or per file of
// this repository), and the top functions by self time. Several profiles (e.g. of repeated runs) are added up.
// Usage: node bench/profile/summarize.js <file.cpuprofile>... [top=25]
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.cpuprofile'));
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
if (files.length === 0) throw new Error('usage: summarize.js <file.cpuprofile>... [top]');
const root = path.join(__dirname, '..', '..');

// Nodes of every profile, keyed `<file index>:<node id>`, and the self time sampled in each.
const byId = new Map();
const parent = new Map();
const self = new Map();
files.forEach((file, f) => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const n of profile.nodes) {
    byId.set(`${f}:${n.id}`, n);
    for (const c of n.children ?? []) parent.set(`${f}:${c}`, `${f}:${n.id}`);
  }
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const key = `${f}:${profile.samples[i]}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
  }
});

function owner(url) {
  if (!url) return '(native / V8)';
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (p.startsWith(root)) return path.relative(root, p);
  if (p.startsWith('node:')) return 'node:internal';
  return p;
}

const byOwner = new Map();
const byFn = new Map();
let total = 0;
for (const [id, us] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const o = cf.functionName === '(garbage collector)' ? '(garbage collector)' : owner(cf.url);
  byOwner.set(o, (byOwner.get(o) ?? 0) + us);
  const key = `${cf.functionName || '(anonymous)'} ${owner(cf.url)}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  total += us;
}
const ms = (us) => (us / 1000).toFixed(1).padStart(8);
console.log(`${files.length} profile(s): ${(total / 1000).toFixed(0)} ms sampled`);
console.log('self time by package / file:');
for (const [o, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms  ${o}`);
console.log('top functions by self time:');
for (const [f, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms  ${f}`);

// Inclusive (self + callees) time of functions whose file matches BENCH_PROFILE_FOCUS (a regular expression,
// e.g. 'lib/' for this library), counting each sample once per function even under recursion.
if (process.env.BENCH_PROFILE_FOCUS) {
  const focus = new RegExp(process.env.BENCH_PROFILE_FOCUS);
  const inclusive = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      const key = `${cf.functionName || '(anonymous)'} ${owner(cf.url)}:${cf.lineNumber + 1}`;
      if (!focus.test(key) || seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  console.log(`inclusive time, functions matching /${process.env.BENCH_PROFILE_FOCUS}/:`);
  for (const [f, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms  ${f}`);
}
