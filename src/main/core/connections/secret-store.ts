/**
 * Port for encrypting secrets at rest. Electron implements it with `safeStorage` (OS keychain);
 * the browser host, used only for development and tests, with a key file in its data folder.
 */
export interface SecretStore {
  /** Shown in Settings so a user knows how their secrets are protected. */
  readonly description: string;
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}
