/**
 * Error codes that cross the IPC boundary. The UI branches on `code`, never on message text.
 * Messages are written for the user: what happened, then what to do.
 */
export const errorCodes = [
  'InvalidInput',
  'Forbidden',
  'NotFound',
  'Conflict',
  'Cancelled',
  'WrongAccessKey',
  'WrongSecret',
  /** The server refused a request's signature where the request's own bytes may be the cause, not the secret. */
  'SignatureRejected',
  'ClockSkew',
  'WrongRegion',
  'EndpointUnreachable',
  'TlsError',
  'NoSuchBucket',
  'NoSuchKey',
  'AccessDenied',
  'AclsDisabled',
  'CredentialsUnavailable',
  'CredentialsExpired',
  'SecretStoreUnavailable',
  'StorageCorrupt',
  'Offline',
  /** The server refused a request for a reason of its own, or sent an answer that is not HTTP. */
  'ServerError',
  /** This host cannot do what was asked (e.g. dragging a file out in the browser host); the message says what to use instead. */
  'Unsupported',
  'Internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The plain shape an error has on the wire. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error with a stable code; thrown by services, encoded by the router, rebuilt by the client. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
