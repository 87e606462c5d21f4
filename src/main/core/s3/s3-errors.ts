import { AppError } from '../../../shared/errors';
import { signatureMismatch } from './signature-mismatch';

/** What an SDK or network error looks like once we stop trusting its type. */
interface RawError {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

export interface S3ErrorContext {
  bucket?: string;
  key?: string;
  /** Shown in unreachable/TLS messages so the user can check it. */
  endpoint?: string;
  /**
   * Header values the request carried on the user's behalf (Content-Type, Cache-Control …): a
   * signature mismatch then names them instead of blaming the secret.
   */
  headers?: Record<string, string | null | undefined>;
}

/**
 * Turns an SDK/network error into an AppError whose message says what happened and what to do.
 * Unknown errors keep the server's own words, since they are usually the most precise.
 */
export function toAppError(error: unknown, ctx: S3ErrorContext = {}): AppError {
  if (error instanceof AppError) return error;
  const raw = (typeof error === 'object' && error !== null ? error : {}) as RawError;
  const name = raw.name ?? raw.Code ?? '';
  const code = networkCode(raw);
  const status = raw.$metadata?.httpStatusCode;
  const where = ctx.endpoint ? ` at ${ctx.endpoint}` : '';
  const bucket = ctx.bucket ? `“${ctx.bucket}”` : 'the bucket';

  if (code && tlsCodes.has(code)) {
    return new AppError(
      'TlsError',
      `The secure connection to the server${where} failed (${code}). Check the endpoint's https:// address and its certificate, or use http:// if the server has no TLS.`,
      { cause: code },
    );
  }
  if (code && unreachableCodes.has(code)) {
    return new AppError(
      'EndpointUnreachable',
      `Could not reach the server${where} (${code}). Check the endpoint address and your network.`,
      { cause: code },
    );
  }
  if (name === 'TimeoutError' || name === 'RequestTimeout') {
    return new AppError(
      'EndpointUnreachable',
      `The server${where} did not answer in time. Check the endpoint and your network, then try again.`,
      { cause: name },
    );
  }
  switch (name) {
    case 'InvalidAccessKeyId':
      return new AppError('WrongAccessKey', 'The server does not know this access key ID. Check the key ID, or create a new key.');
    case 'SignatureDoesNotMatch':
      return signatureMismatch({ ...(ctx.key !== undefined ? { key: ctx.key } : {}), ...(ctx.headers ? { headers: ctx.headers } : {}) });
    case 'RequestTimeTooSkewed':
      return new AppError(
        'ClockSkew',
        "This computer's clock differs too much from the server's. Set the clock automatically and try again.",
      );
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return new AppError(
        'CredentialsExpired',
        'The credentials have expired. Sign in again (for SSO: aws sso login) or refresh the session token.',
      );
    case 'InvalidToken':
      return new AppError('CredentialsExpired', 'The session token is not valid. Refresh it or remove it.');
    case 'CredentialsProviderError':
      return new AppError(
        'CredentialsUnavailable',
        `No credentials could be loaded: ${raw.message ?? 'unknown reason'}. Check the profile in ~/.aws/config.`,
      );
    case 'NoSuchBucket':
      return new AppError(
        'NoSuchBucket',
        `There is no bucket ${bucket} on this server. Check the name, or whether it was deleted.`,
        ctx.bucket ? { bucket: ctx.bucket } : undefined,
      );
    case 'NoSuchKey':
      return new AppError('NoSuchKey', 'That object no longer exists. Refresh the folder.', ctx.key ? { key: ctx.key } : undefined);
    case 'AccessControlListNotSupported':
      return new AppError(
        'AclsDisabled',
        `${bucket} has ACLs disabled (Object Ownership: bucket owner enforced). Public access is decided by the bucket policy or a CDN instead.`,
      );
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
    case 'IllegalLocationConstraintException':
      return new AppError(
        'WrongRegion',
        `${bucket} is in another region than the connection's. Set the connection's region to the bucket's region.`,
      );
    case 'AccessDenied':
    case 'AllAccessDisabled':
      return new AppError(
        'AccessDenied',
        `Access denied to ${bucket}. These credentials lack permission for this; ask the bucket's administrator.`,
      );
    default:
      break;
  }
  if (status === 404 && ctx.key) return new AppError('NoSuchKey', 'That object no longer exists. Refresh the folder.', { key: ctx.key });
  if (status === 404) return new AppError('NoSuchBucket', `There is no bucket ${bucket} on this server. Check the name.`);
  if (status === 403)
    return new AppError(
      'AccessDenied',
      `Access denied to ${bucket}. These credentials lack permission for this; ask the bucket's administrator.`,
    );
  if (status === 301)
    return new AppError(
      'WrongRegion',
      `${bucket} is in another region than the connection's. Set the connection's region to the bucket's region.`,
    );
  if (code?.startsWith('HPE_')) {
    return new AppError(
      'ServerError',
      `The server${where} sent an answer that is not valid HTTP (${code}). Try again; if it persists, the server or a proxy in between is misbehaving.`,
      { cause: code },
    );
  }
  const detail = raw.message && raw.message !== 'UnknownError' ? raw.message : name || 'unknown error';
  // The server's own words: the app did nothing wrong that it knows of, so this is not Internal.
  return new AppError(
    'ServerError',
    `The server answered with an error: ${detail}${status ? ` (HTTP ${status})` : ''}. Try again; if it persists, check the server's logs.`,
    { name, status },
  );
}

/** Node puts the socket error code on the error or on its cause. */
function networkCode(raw: RawError): string | undefined {
  if (raw.code && /^[A-Z_]+$/.test(raw.code)) return raw.code;
  const cause = raw.cause as RawError | undefined;
  if (cause?.code && /^[A-Z_]+$/.test(cause.code)) return cause.code;
  return undefined;
}
