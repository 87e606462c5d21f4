import type { UploadDefaultsSettings } from '../../../../shared/model/transfer';
import { RootDefaultsStore } from '../../objects/root-defaults';

/**
 * The upload planner's view of the per-root defaults, which are kept and resolved in one module
 * (`objects/root-defaults.ts`) for uploads, copies and header edits alike.
 */
export class TransferSettings extends RootDefaultsStore {
  uploadDefaults(connectionId: string): UploadDefaultsSettings {
    return this.get(connectionId);
  }

  setUploadDefaults(connectionId: string, settings: UploadDefaultsSettings): UploadDefaultsSettings {
    return this.set(connectionId, settings);
  }
}
