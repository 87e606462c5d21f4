import { AppError } from '../../shared/errors';
import type { SecretStore } from '../core/connections/secret-store';

/** The slice of Electron's `safeStorage` we use; injected so the policy is testable without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(blob: Buffer): string;
  getSelectedStorageBackend?(): string;
}

const linuxBackends: Readonly<Record<string, string>> = {
  gnome_libsecret: 'your desktop keyring (Secret Service / GNOME Keyring)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

/**
 * A SecretStore over Electron's `safeStorage` (Keychain on macOS, DPAPI on Windows, the desktop
 * keyring on Linux). Create it after the app is ready: before that, Linux reports no backend.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretStore {
  const linuxBackend = (): string => (platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : '');

  const isAvailable = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    // On Linux without a keyring Electron falls back to 'basic_text': a key hard-coded in
    // Chromium. That is obfuscation, not encryption, so we refuse to call it a secret store.
    if (platform === 'linux') return Object.hasOwn(linuxBackends, linuxBackend());
    return true;
  };

  const requireAvailable = (): void => {
    if (!isAvailable()) {
      throw new AppError(
        'SecretStoreUnavailable',
        platform === 'linux'
          ? 'No desktop keyring is available, so secrets cannot be stored encrypted. Install or unlock GNOME Keyring or KWallet, then restart the app — or use an AWS profile instead of keys.'
          : 'The system keychain is not available, so secrets cannot be stored. Unlock your account keychain, then restart the app.',
      );
    }
  };

  return {
    get description(): string {
      if (platform === 'darwin') return 'Encrypted with the macOS Keychain.';
      if (platform === 'win32') return 'Encrypted with Windows DPAPI for your Windows account.';
      const backend = linuxBackend();
      const name = linuxBackends[backend];
      if (name !== undefined && safeStorage.isEncryptionAvailable()) return `Encrypted with ${name}.`;
      return `Not available: no desktop keyring found (backend: ${backend}). Secrets cannot be saved.`;
    },
    isAvailable,
    encrypt(plain) {
      requireAvailable();
      return safeStorage.encryptString(plain);
    },
    decrypt(blob) {
      requireAvailable();
      try {
        return safeStorage.decryptString(blob);
      } catch {
        // Typically the keyring was reset or the data came from another machine or account.
        throw new AppError(
          'StorageCorrupt',
          'A saved secret could not be decrypted (the keyring may have been reset). Edit the connection and enter the secret again.',
        );
      }
    },
  };
}
