import type { BucketAdminApi } from '../../shared/api-surface';

declare global {
  interface Window {
    /** Present only in Electron, where the sandboxed preload exposes it; absent in the browser host. */
    bucketAdmin?: BucketAdminApi;
  }
}

export {};
