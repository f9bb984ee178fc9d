// Writes N Kubernetes manifests (default 1,000) into DIR for the `rewrite --check` benchmark, and a record of what
// they hold. Deterministic: file i always has the same content. Each file is one to three documents (Deployment,
// StatefulSet, CronJob, Pod with init and ephemeral containers, a custom resource with spec.image), with comments,
// quoted and plain values, references of every upstream the benchmark stack caches, references already through the
// cache, and references of registries without a rule.
// Usage: node bench/workloads/generate.js DIR [N] [--record FILE]
'use strict';
const fs = require('fs');
const path = require('path');

const CACHE = '111122223333.dkr.ecr.us-east-1.amazonaws.com';
const IMAGES = [
  'nginx:1.27', 'docker.io/library/redis:7.4', 'bitnami/postgresql:16.4.0', 'quay.io/prometheus/node-exporter:v1.8.2',
  'registry.k8s.io/pause:3.10', 'ghcr.io/acme/api:2.{i}.0', 'public.ecr.aws/aws-cli/aws-cli:2.17.{i}',
  `${CACHE}/docker-hub/library/busybox:1.36`, 'registry.example.com/team/tool:{i}',
  'index.docker.io/grafana/grafana:11.2.0@sha256:' + 'ab'.repeat(32),
];

function image(i, k) {
  return IMAGES[(i * 7 + k * 3) % IMAGES.length].replace('{i}', String(i % 50));
}

function container(i, k, indent) {
  const pad = ' '.repeat(indent);
  const value = k % 3 === 0 ? `"${image(i, k)}"` : image(i, k);
  return `${pad}- name: c${k}\n${pad}  image: ${value}${k % 2 ? '   # pinned by the platform team' : ''}\n` +
    `${pad}  resources:\n${pad}    limits: {cpu: "500m", memory: 256Mi}\n`;
}

function deployment(i) {
  return `# service ${i}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\n  labels:\n    app: svc-${i}\n` +
    `spec:\n  replicas: ${1 + (i % 3)}\n  template:\n    spec:\n      initContainers:\n${container(i, 0, 8)}` +
    `      containers:\n${container(i, 1, 8)}${container(i, 2, 8)}`;
}

function cronJob(i) {
  return `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: job-${i}\nspec:\n  schedule: "*/15 * * * *"\n` +
    `  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n${container(i, 3, 12)}` +
    `          restartPolicy: OnFailure\n`;
}

function pod(i) {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug-${i}\nspec:\n  containers:\n${container(i, 4, 4)}` +
    `  ephemeralContainers:\n${container(i, 5, 4)}`;
}

function custom(i) {
  return `apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: prom-${i}\nspec:\n  image: ${image(i, 6)}\n  replicas: 2\n`;
}

function manifest(i) {
  const docs = [deployment(i)];
  if (i % 2 === 0) docs.push(cronJob(i));
  if (i % 3 === 0) docs.push(pod(i));
  if (i % 5 === 0) docs.push(custom(i));
  return docs.join('---\n');
}

function main() {
  const [dir, n = '1000'] = process.argv.slice(2).filter((a, j, all) => !a.startsWith('--') && all[j - 1] !== '--record');
  if (!dir) throw new Error('usage: node bench/workloads/generate.js DIR [N] [--record FILE]');
  const count = Number(n);
  fs.rmSync(dir, { recursive: true, force: true });
  let references = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `team-${i % 20}`);
    fs.mkdirSync(sub, { recursive: true });
    const text = manifest(i);
    references += (text.match(/\bimage: /g) ?? []).length;
    fs.writeFileSync(path.join(sub, `svc-${i}.yaml`), text);
  }
  const record = { name: 'workloads-files', files: count, references };
  const at = process.argv.indexOf('--record');
  if (at >= 0) fs.writeFileSync(process.argv[at + 1], JSON.stringify(record) + '\n');
  process.stderr.write(`generate: ${count} manifests, ${references} image references, in ${dir}\n`);
}

main();
