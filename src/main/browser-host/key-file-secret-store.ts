import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../core/connections/secret-store';

const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;

/**
 * AES-256-GCM with a random key kept in a 0600 file beside the database. The browser host is
 * for development and tests only; the packaged app uses the OS keychain through safeStorage.
 */
export class KeyFileSecretStore implements SecretStore {
  readonly description: string;
  private readonly key: Buffer;

  constructor(keyFile: string) {
    this.description = `development key file ${keyFile}`;
    this.key = loadOrCreateKey(keyFile);
  }

  isAvailable(): boolean {
    return true;
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer): string {
    const iv = blob.subarray(0, ivBytes);
    const tag = blob.subarray(ivBytes, ivBytes + tagBytes);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
  }
}

function loadOrCreateKey(file: string): Buffer {
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length === keyBytes) return key;
    throw new Error(`The key file ${file} is damaged; move it away to start with no saved secrets.`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(keyBytes);
  writeFileSync(file, key, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
