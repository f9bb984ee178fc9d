// CPU time of each phase of building and synthesizing a rules stack (bench/synth/rules.js), measured warm: one
// process builds and synthesizes the same stack again and again, so module loading and the JIT's warm-up are out of
// the figures, and each phase's median over the iterations is steady on a noisy machine. Synthesis is split into
// cdktf's steps by timing its own methods: the preparing resolve (TerraformStack.prepareStack), the construct
// validations (TerraformStack.runAllValidations) and the rest (toTerraform, resolve, JSON writing).
//
// Usage: node bench/profile/warm.js <constructs|l1> <rulesPerRegion> <regions> [cache|standalone] [iterations=15] [warmup=5]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { buildRules, load } = require('../synth/rules');

const [mode, perRegion, regions, layout = 'cache'] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5]];
const iterations = Number(process.argv[6] ?? 15);
const warmup = Number(process.argv[7] ?? 5);
load(mode);

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const spent = { prepare: 0, validate: 0 };
for (const [method, key] of [['prepareStack', 'prepare'], ['runAllValidations', 'validate']]) {
  const original = TerraformStack.prototype[method];
  TerraformStack.prototype[method] = function timed(...args) {
    const start = cpuMs();
    try { return original.apply(this, args); } finally { spent[key] += cpuMs() - start; }
  };
}

const rows = [];
for (let i = 0; i < warmup + iterations; i++) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-warm-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  spent.prepare = 0;
  spent.validate = 0;
  const a = cpuMs();
  buildRules(stack, { mode, perRegion, regions, layout });
  const b = cpuMs();
  app.synth();
  const c = cpuMs();
  fs.rmSync(outdir, { recursive: true, force: true });
  if (i >= warmup) {
    rows.push({ construct: b - a, prepare: spent.prepare, validate: spent.validate, rest: c - b - spent.prepare - spent.validate, total: c - a });
  }
}
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const out = { mode, perRegion, regions, layout, iterations };
for (const key of Object.keys(rows[0])) out[key] = Number(median(rows.map((r) => r[key])).toFixed(2));
console.log(JSON.stringify(out));
