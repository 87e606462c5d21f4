import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { createSafeStorageSecretStore, type SafeStorageLike } from '../../src/main/electron/safe-storage-secret-store';

function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`enc:${plain}`),
    decryptString: (blob) => {
      const text = blob.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided');
      return text.slice(4);
    },
    getSelectedStorageBackend: () => backend,
  };
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
};

describe('createSafeStorageSecretStore', () => {
  it('round-trips secrets when a keyring is available', () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(true), 'linux');
    expect(store.isAvailable()).toBe(true);
    expect(store.decrypt(store.encrypt('s3cr3t'))).toBe('s3cr3t');
    expect(store.description).toMatch(/keyring/i);
  });

  it("treats Linux 'basic_text' as unavailable: obfuscation is not encryption", () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(true, 'basic_text'), 'linux');
    expect(store.isAvailable()).toBe(false);
    expect(store.description).toContain('basic_text');
    expect(codeOf(() => store.encrypt('x'))).toBe('SecretStoreUnavailable');
  });

  it('is unavailable when the OS offers no encryption', () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(false), 'darwin');
    expect(store.isAvailable()).toBe(false);
    expect(codeOf(() => store.decrypt(Buffer.from('enc:x')))).toBe('SecretStoreUnavailable');
  });

  it('describes the platform store', () => {
    expect(createSafeStorageSecretStore(fakeSafeStorage(true), 'darwin').description).toMatch(/Keychain/);
    expect(createSafeStorageSecretStore(fakeSafeStorage(true), 'win32').description).toMatch(/DPAPI/);
  });

  it('reports an undecryptable blob with a stable code', () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(true), 'win32');
    expect(codeOf(() => store.decrypt(Buffer.from('garbage')))).toBe('StorageCorrupt');
  });
});
