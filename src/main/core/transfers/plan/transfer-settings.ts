import { uploadDefaultsSettingsSchema, type UploadDefaultsSettings } from '../../../../shared/model/transfer';
import type { ConnectionSettings } from '../../connections/connection-settings';
import { defaultUploadSettings } from './upload-options';

const defaultsKey = 'transfers.uploadDefaults';

/**
 * Per-connection upload defaults, kept with the connection's other settings so they survive
 * restarts. (What each bucket said about ACLs lives in `access/capabilities.ts`.)
 */
export class TransferSettings {
  constructor(private readonly settings: ConnectionSettings) {}

  uploadDefaults(connectionId: string): UploadDefaultsSettings {
    const parsed = uploadDefaultsSettingsSchema.safeParse(this.settings.get(connectionId, defaultsKey));
    // A value written by another version that no longer parses falls back to the defaults.
    return parsed.success ? parsed.data : defaultUploadSettings;
  }

  setUploadDefaults(connectionId: string, settings: UploadDefaultsSettings): UploadDefaultsSettings {
    this.settings.set(connectionId, defaultsKey, settings);
    return settings;
  }
}
