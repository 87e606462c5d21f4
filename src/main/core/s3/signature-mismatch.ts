import { AppError } from '../../../shared/errors';
import { hasDotSegments } from '../../../shared/model/keys';

/**
 * AWS's "safe characters" for object keys (S3 User Guide, object key naming guidelines). Others
 * are legal, but must be percent-encoded in the signed path, and S3-compatible servers do not
 * all encode them the same way when they recompute a signature.
 */
const safeKeyCharacters = /^[A-Za-z0-9!\-_.*'()/]*$/;

/** Why a key could change the bytes a server signs, or undefined for a plain key. Pure. */
export function keySigningRisk(key: string): string | undefined {
  if (hasDotSegments(key)) return 'has “.” or “..” path segments';
  if (!safeKeyCharacters.test(key))
    return "has characters outside the ones AWS lists as safe in keys (letters, digits and ! - _ . * ' ( ) /)";
  return undefined;
}

/** What a request carried that came from the user rather than from the app. */
export interface SignedRequestFacts {
  key?: string;
  /** Header values set on the user's behalf (Content-Type, Cache-Control …), by header name. */
  headers?: Record<string, string | null | undefined>;
}

const wrongSecret = () => new AppError('WrongSecret', 'The secret access key is wrong for this access key ID. Re-enter the secret.');

/**
 * The error for SignatureDoesNotMatch. It is called a wrong secret only when nothing in the
 * request came from the user, so its bytes cannot be the cause (Test connection, listings,
 * plain keys). Otherwise the header values and an unusual key are named: the contract refuses
 * header values that Node or SigV4 would mangle, but a server may still sign what it received
 * differently, and sending the user to re-enter a correct secret helps no one. Pure.
 */
export function signatureMismatch(facts: SignedRequestFacts): AppError {
  const suspects: string[] = [];
  for (const [name, value] of Object.entries(facts.headers ?? {})) {
    if (value) suspects.push(`${name} “${value}”`);
  }
  const keyRisk = facts.key === undefined ? undefined : keySigningRisk(facts.key);
  if (keyRisk) suspects.push(`the key “${facts.key}”, which ${keyRisk}`);
  if (suspects.length === 0) return wrongSecret();
  return new AppError(
    'SignatureRejected',
    `The server refused the request's signature. The secret is probably not the cause: the request carried ${suspects.join(' and ')}, and a server that reads these bytes differently from the app computes another signature. ` +
      'Use Test connection: if it reports a wrong secret, re-enter the secret; if it connects, change that value (or rename the object) and try again.',
    { suspects: suspects.length },
  );
}
