export * from './upstream-registry';
export * from './upstream-credential';
export * from './upstream-credential-secret';
export * from './ecr-upstream-role';
export * from './repository-template';
export * from './pull-through-cache-rule';
export * from './pull-through-cache';
