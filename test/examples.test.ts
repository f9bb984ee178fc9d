import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { ReferenceStack } from '../examples/reference-stack';
import { CORE } from './util';

// One golden per flavor: test/golden/ for cdktf, test/golden/cdktn/ for CDK Terrain. They differ only in
// terraform.required_providers.aws, which comes from each flavor's prebuilt provider package (docs/CDKTN.md, "CDKTF or CDK
// Terrain"). In the cdktn flavor UPDATE_GOLDEN=1 writes .gen/cdktn/test/golden/cdktn/; scripts/test-cdktn.sh
// copies it back to test/golden/cdktn/.
const GOLDEN = path.join(__dirname, 'golden', ...(CORE === 'cdktf' ? [] : [CORE]), 'ecr-pull-through-cache-example.cdk.tf.json');

/** Drops what changes between cdktf releases without changing the configuration: the cdktf version. */
function scrub(json: any): any {
  const copy = JSON.parse(JSON.stringify(json));
  delete copy['//']?.metadata?.version;
  return copy;
}

function synthesizeExample(): any {
  const app = Testing.app();
  const stack = new ReferenceStack(app, 'ecr-pull-through-cache-example');
  return JSON.parse(Testing.synth(stack, true));
}

describe('the example stack', () => {
  const json = synthesizeExample();

  test('matches the golden cdk.tf.json (UPDATE_GOLDEN=1 to accept a deliberate change)', () => {
    const actual = scrub(json);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });

  test('uses every upstream registry the ECR API knows', () => {
    const urls = Object.values<any>(json.resource.aws_ecr_pull_through_cache_rule).map((r) => r.upstream_registry_url);
    for (const url of ['registry-1.docker.io', 'quay.io', 'registry.k8s.io', 'public.ecr.aws', 'ghcr.io', 'registry.gitlab.com',
      'contosoimages.azurecr.io', 'cgr.dev', '444455556666.dkr.ecr.eu-west-1.amazonaws.com']) {
      expect(urls).toContain(url);
    }
  });

  test('carries no secret value: the access token only as a sensitive variable reference', () => {
    const text = JSON.stringify(json);
    expect(json.variable.docker_hub_access_token.sensitive).toBe(true);
    expect(text).toContain('var.docker_hub_access_token');
    const version = Object.values<any>(json.resource.aws_secretsmanager_secret_version)[0];
    expect(version.secret_string).toBeUndefined();
    expect(version.secret_string_wo).toMatch(/^\$\{jsonencode\(\{"username" = var\.docker_hub_username, "accessToken" = var\.docker_hub_access_token\}\)\}$/);
  });

  test('owns one registry policy, in the Region of the cache granted to the organization; the other Regions keep theirs', () => {
    expect(Object.keys(json.resource.aws_ecr_registry_policy)).toEqual(['EcrPullThroughCacheRegistryPolicy-us-east-1']);
    const policy = JSON.parse(json.resource.aws_ecr_registry_policy['EcrPullThroughCacheRegistryPolicy-us-east-1'].policy);
    const resources = policy.Statement.flatMap((s: any) => s.Resource);
    // the nine rules of the us-east-1 cache, and only those
    expect(resources).toHaveLength(9);
    expect(resources.every((r: string) => r.includes(':ecr:${data.aws_region.EcrPullThroughCacheRegion.region}:'))).toBe(true);
    for (const s of policy.Statement) expect(s.Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } });
  });

  test("every template of the organization's cache lets the organization pull from the repositories it creates", () => {
    const templates = Object.values<any>(json.resource.aws_ecr_repository_creation_template);
    expect(templates).toHaveLength(9);
    for (const t of templates) {
      expect(JSON.parse(t.repository_policy).Statement).toEqual([expect.objectContaining({
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      })]);
    }
  });

  test('outputs image URIs in the cache', () => {
    expect(json.output.nginx_image.value).toMatch(/\/docker-hub\/library\/nginx:1\.27$/);
    expect(json.output.central_image.value).toMatch(/\/central\/api:v1$/);
  });
});
