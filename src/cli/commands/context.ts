import type { ECRClient } from '@aws-sdk/client-ecr';
import type { GlobalOptions } from '../args';
import type { CliIo } from '../output';

/** What every command runs with. */
export interface CommandContext {
  readonly io: CliIo;
  readonly global: GlobalOptions;
  readonly client: ECRClient;
  /** The region the client resolved. */
  readonly region: string;
}
