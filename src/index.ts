export * from './upstream-registry';
