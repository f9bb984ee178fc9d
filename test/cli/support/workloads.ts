/** Fixtures of the rewrite and warm tests: a synthesized stack, workload files, and scratch copies of them. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './cli';

/** test/cli/fixtures. */
export const FIXTURES = join(ROOT, 'test', 'cli', 'fixtures');
/** A stack as `cdktf synth` writes it: rules for Docker Hub, GitHub, Quay, Kubernetes (two Regions), ECR Public, ECR. */
export const STACK = join(FIXTURES, 'stack.cdk.tf.json');
/** Manifests, Helm values, a compose file and Dockerfiles as teams write them. */
export const WORKLOADS = join(FIXTURES, 'workloads');
/** The workloads after `rewrite` for account 111122223333 in us-east-1, reviewed by hand. */
export const GOLDEN = join(ROOT, 'test', 'cli', 'golden', 'workloads');
/** The cache host of the fixtures' stack. */
export const CACHE_HOST = '111122223333.dkr.ecr.us-east-1.amazonaws.com';

/** A fresh directory. */
export function scratch(name = 'workloads'): string {
  return mkdtempSync(join(tmpdir(), `ecr-ptc-${name}-`));
}

/** A scratch copy of the workload fixtures; returns its directory. */
export function copyWorkloads(from = WORKLOADS): string {
  const dir = scratch();
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (relative path → bytes as latin1, so any byte compares), `.git` included. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return out;
}

/** Modes of every file under `dir`. */
export function modes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path] of Object.entries(snapshot(dir))) out[path] = statSync(join(dir, path)).mode & 0o777;
  return out;
}

/** Writes a stack document (JSON) into a scratch directory and returns its path. */
export function writeStack(doc: unknown): string {
  const path = join(scratch('stack'), 'cdk.tf.json');
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
  return path;
}

/** A stack document with these rules (Terraform names → arguments) and an optional provider Region. */
export function stackWith(rules: Record<string, Record<string, string>>, providerRegion?: string): unknown {
  return {
    provider: { aws: [providerRegion === undefined ? {} : { region: providerRegion }] },
    resource: { aws_ecr_pull_through_cache_rule: rules },
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
  };
}
