import { maskAccessKeyId, type Connection, type ConnectionSettings } from '../../../shared/model/connection';

/** Credentials as stored in the settings row: the key ID but never the secret. */
export type StoredCredentials = { kind: 'keys'; accessKeyId: string; hasSessionToken: boolean } | { kind: 'profile'; profile: string };

/** A connection as main keeps it (settings row); the secret lives encrypted in its own table. */
export interface ConnectionRecord extends Omit<ConnectionSettings, 'credentials'> {
  id: string;
  credentials: StoredCredentials;
  createdAt: string;
  updatedAt: string;
}

/** The renderer's view of a record: the key ID masked, no secret anywhere. */
export function toPublicConnection(record: ConnectionRecord): Connection {
  const { credentials, ...rest } = record;
  return {
    ...rest,
    credentials:
      credentials.kind === 'keys'
        ? {
            kind: 'keys',
            accessKeyIdMasked: maskAccessKeyId(credentials.accessKeyId),
            hasSessionToken: credentials.hasSessionToken,
          }
        : { kind: 'profile', profile: credentials.profile },
  };
}
