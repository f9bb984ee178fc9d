/** Rules of every upstream kind, with the secrets, roles and upstream logins that make them valid. */
import { ACCOUNT_ID, type LocalEcrEndpoint, type SeedRule } from './ecr-endpoint';

/** The region the tests use. */
export const REGION = 'eu-west-1';

/** A Secrets Manager ARN as AWS returns it: name plus six random characters. */
export function secretArn(name: string, suffix = 'AbC123'): string {
  return `arn:aws:secretsmanager:${REGION}:${ACCOUNT_ID}:secret:ecr-pullthroughcache/${name}-${suffix}`;
}

/** The role the ECR upstream rule uses. */
export const UPSTREAM_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/ecr-pullthroughcache-upstream`;

/** One rule per preset (both ECR variants). */
export const EVERY_KIND: readonly SeedRule[] = [
  { ecrRepositoryPrefix: 'docker-hub', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: secretArn('docker-hub') },
  { ecrRepositoryPrefix: 'ghcr', upstreamRegistryUrl: 'ghcr.io', credentialArn: secretArn('ghcr') },
  { ecrRepositoryPrefix: 'gitlab', upstreamRegistryUrl: 'registry.gitlab.com', credentialArn: secretArn('gitlab') },
  { ecrRepositoryPrefix: 'chainguard', upstreamRegistryUrl: 'cgr.dev', credentialArn: secretArn('chainguard') },
  { ecrRepositoryPrefix: 'azure', upstreamRegistryUrl: 'contosoimages.azurecr.io', credentialArn: secretArn('azure') },
  { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' },
  { ecrRepositoryPrefix: 'k8s', upstreamRegistryUrl: 'registry.k8s.io' },
  { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' },
  {
    ecrRepositoryPrefix: 'team-images',
    upstreamRegistryUrl: '444455556666.dkr.ecr.us-east-1.amazonaws.com',
    customRoleArn: UPSTREAM_ROLE_ARN,
    upstreamRepositoryPrefix: 'team',
  },
  { ecrRepositoryPrefix: 'west2', upstreamRegistryUrl: `${ACCOUNT_ID}.dkr.ecr.eu-west-2.amazonaws.com`, upstreamRepositoryPrefix: 'ROOT' },
];

const HOSTS: Record<string, string> = {
  'docker-hub': 'registry-1.docker.io',
  ghcr: 'ghcr.io',
  gitlab: 'registry.gitlab.com',
  chainguard: 'cgr.dev',
  azure: 'contosoimages.azurecr.io',
};

/** Seeds {@link EVERY_KIND} with valid secrets, logins and role. */
export function seedEveryKind(endpoint: LocalEcrEndpoint): void {
  endpoint.seedRules(...EVERY_KIND);
  for (const [name, host] of Object.entries(HOSTS)) {
    endpoint.seedSecret({ arn: secretArn(name), username: `${name}-bot`, accessToken: `token-${name}` });
    endpoint.seedUpstreamLogin(host, `${name}-bot`, `token-${name}`);
  }
  endpoint.seedRole(UPSTREAM_ROLE_ARN);
}

/** Every request operation the log holds that writes (Create/Delete/Update/Put…). */
export function writeOperations(endpoint: LocalEcrEndpoint): string[] {
  return endpoint.requests.map((r) => r.operation).filter((op) => /^(Create|Delete|Update|Put|Batch|Set|Tag|Untag)/.test(op));
}
