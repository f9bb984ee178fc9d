import { Testing } from 'cdktf';

// Brings cdktf's matchers (toHaveResource, toHaveResourceWithProperties, ...) into every test file.
Testing.setupJest();

// cdktf registers these matchers at run time; this tells the type checker about them.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toHaveResource(resourceType: unknown): R;
      toHaveResourceWithProperties(resourceType: unknown, properties: Record<string, unknown>): R;
      toHaveDataSource(dataSourceType: unknown): R;
      toHaveDataSourceWithProperties(dataSourceType: unknown, properties: Record<string, unknown>): R;
      toHaveProvider(providerType: unknown): R;
      toHaveProviderWithProperties(providerType: unknown, properties: Record<string, unknown>): R;
      toBeValidTerraform(): R;
      toPlanSuccessfully(): R;
    }
  }
}
