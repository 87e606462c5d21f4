import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors';
import type { Connection, ConnectionSettings } from '../../../shared/model/connection';
import { createS3Client } from '../s3/client-factory';
import { silentLogger, type Logger } from '../logger';
import { toPublicConnection, type ConnectionRecord, type StoredCredentials } from './connection-record';
import type { ConnectionRepository } from './connection-repository';
import { credentialProvider, type KeySecret } from './credential-source';
import type { SecretStore } from './secret-store';

/** A connection ready to talk to S3: its settings and a client that holds its credentials. */
export interface ResolvedConnection {
  record: ConnectionRecord;
  client: S3Client;
}

/** Adds, edits and removes connections, keeps secrets encrypted, and hands out S3 clients. */
export class ConnectionsService {
  private readonly clients = new Map<string, S3Client>();
  private readonly removedListeners: Array<(id: string) => void> = [];

  constructor(
    private readonly repo: ConnectionRepository,
    private readonly secrets: SecretStore,
    /** Where each S3 request is logged (method, bucket, key, status, ms); the transfer clients use it too. */
    readonly requestLog: Logger = silentLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Connection[] {
    return this.repo.list().map(toPublicConnection);
  }

  add(settings: ConnectionSettings): Connection {
    const stamp = this.now().toISOString();
    const { record, secret } = this.prepare(randomUUID(), settings, undefined, stamp, stamp);
    this.repo.save(record, secret ? this.encrypt(secret) : null);
    return toPublicConnection(record);
  }

  update(id: string, settings: ConnectionSettings): Connection {
    const existing = this.require(id);
    const { record, secret } = this.prepare(id, settings, existing, existing.createdAt, this.now().toISOString());
    // undefined = keep the stored secret; null = the connection no longer has one (profile).
    const blob = secret ? this.encrypt(secret) : record.credentials.kind === 'profile' ? null : undefined;
    this.repo.save(record, blob);
    this.dropClient(id);
    return toPublicConnection(record);
  }

  /** Removes the connection with its secret and everything stored for it in state.sqlite (cascade). */
  remove(id: string): boolean {
    this.dropClient(id);
    const removed = this.repo.remove(id);
    if (removed) for (const listener of this.removedListeners) listener(id);
    return removed;
  }

  /** Tells `listener` about each removed connection, for what lives outside state.sqlite (the object index). */
  onRemoved(listener: (id: string) => void): void {
    this.removedListeners.push(listener);
  }

  /** The saved connection with a cached client; clients are rebuilt after an edit. */
  resolve(id: string): ResolvedConnection {
    const record = this.require(id);
    let client = this.clients.get(id);
    if (!client) {
      client = createS3Client(record, credentialProvider(record.credentials, this.secretFor(record)), { requestLog: this.requestLog });
      this.clients.set(id, client);
    }
    return { record, client };
  }

  /**
   * A throwaway client for a draft that is not saved yet ("Test connection" in the form).
   * With `id`, a draft that leaves the secret empty reuses the stored one.
   */
  resolveDraft(settings: ConnectionSettings, id?: string): ResolvedConnection {
    const existing = id ? this.require(id) : undefined;
    const stamp = this.now().toISOString();
    const { record, secret } = this.prepare(id ?? 'draft-connection', settings, existing, stamp, stamp);
    const keySecret = secret ?? (existing ? this.secretFor(existing) : undefined);
    return {
      record,
      client: createS3Client(record, credentialProvider(record.credentials, keySecret), { maxAttempts: 1, requestLog: this.requestLog }),
    };
  }

  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private prepare(
    id: string,
    settings: ConnectionSettings,
    existing: ConnectionRecord | undefined,
    createdAt: string,
    updatedAt: string,
  ): { record: ConnectionRecord; secret?: KeySecret } {
    const { credentials: draft, ...rest } = settings;
    let stored: StoredCredentials;
    let secret: KeySecret | undefined;
    if (draft.kind === 'profile') {
      stored = { kind: 'profile', profile: draft.profile };
    } else {
      const storedKeyId = existing?.credentials.kind === 'keys' ? existing.credentials.accessKeyId : undefined;
      const accessKeyId = draft.accessKeyId ?? storedKeyId;
      if (!accessKeyId) {
        throw new AppError('InvalidInput', 'Enter the access key ID.', {
          issues: [{ path: 'credentials.accessKeyId', message: 'Enter the access key ID.' }],
        });
      }
      const sameKey = storedKeyId === accessKeyId;
      if (draft.secretAccessKey === undefined && !sameKey) {
        throw new AppError('InvalidInput', 'Enter the secret access key for this access key ID.', {
          issues: [{ path: 'credentials.secretAccessKey', message: 'Enter the secret access key.' }],
        });
      }
      if (draft.secretAccessKey !== undefined) {
        secret = { secretAccessKey: draft.secretAccessKey, ...(draft.sessionToken ? { sessionToken: draft.sessionToken } : {}) };
      }
      const keptToken = existing?.credentials.kind === 'keys' && existing.credentials.hasSessionToken;
      stored = { kind: 'keys', accessKeyId, hasSessionToken: secret ? Boolean(secret.sessionToken) : keptToken };
    }
    return { record: { ...rest, id, credentials: stored, createdAt, updatedAt }, ...(secret ? { secret } : {}) };
  }

  private require(id: string): ConnectionRecord {
    const record = this.repo.get(id);
    if (!record) throw new AppError('NotFound', 'That connection no longer exists. Pick another one.', { id });
    return record;
  }

  private secretFor(record: ConnectionRecord): KeySecret | undefined {
    if (record.credentials.kind !== 'keys') return undefined;
    const blob = this.repo.secretBlob(record.id);
    if (!blob)
      throw new AppError('CredentialsUnavailable', `The secret for “${record.name}” is missing. Edit the connection and enter it again.`);
    try {
      return JSON.parse(this.secrets.decrypt(blob)) as KeySecret;
    } catch {
      throw new AppError(
        'SecretStoreUnavailable',
        `The secret for “${record.name}” cannot be decrypted on this computer (the keychain changed). Edit the connection and enter it again.`,
      );
    }
  }

  private encrypt(secret: KeySecret): Buffer {
    if (!this.secrets.isAvailable()) {
      throw new AppError(
        'SecretStoreUnavailable',
        `Secrets cannot be stored safely here: ${this.secrets.description}. Use an AWS profile instead, or enable the system keychain.`,
      );
    }
    return this.secrets.encrypt(JSON.stringify(secret));
  }

  private dropClient(id: string): void {
    this.clients.get(id)?.destroy();
    this.clients.delete(id);
  }
}
