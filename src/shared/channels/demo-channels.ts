import { noInput, returns } from './define';
import type { DemoStarted, DemoStatus } from '../model/demo';

/** The demo: a local S3 gateway with a sample bucket, for a first look without a bucket of one's own. */
export const demoChannels = {
  'demo:status': { input: noInput, result: returns<DemoStatus>() },
  /** Installs the gateway where it can, starts it, fills the sample bucket, adds the demo connection. */
  'demo:start': { input: noInput, result: returns<DemoStarted>() },
} as const;
