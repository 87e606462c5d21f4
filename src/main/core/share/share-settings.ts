import { maxPresignSeconds } from '../../../shared/model/share';
import type { ConnectionSettings } from '../connections/connection-settings';

/** Which remembered expiry: download links and upload links are chosen differently. */
export type ExpiryUse = 'download' | 'upload';

const settingKey = (use: ExpiryUse) => `share.lastExpirySeconds.${use}`;

/** Remembers the last expiry picked per connection, for one-click "Copy link". */
export class ShareSettings {
  constructor(private readonly settings: ConnectionSettings) {}

  /** The remembered expiry, or null when none (or a value this version does not accept). */
  lastExpiry(use: ExpiryUse, connectionId: string): number | null {
    const value = this.settings.get(connectionId, settingKey(use));
    // Stored after capping, so anything outside 1 s..7 days was written by something else.
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= maxPresignSeconds ? value : null;
  }

  setLastExpiry(use: ExpiryUse, connectionId: string, seconds: number): void {
    this.settings.set(connectionId, settingKey(use), seconds);
  }
}
