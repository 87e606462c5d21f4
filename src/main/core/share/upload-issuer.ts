import type { ParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { contentTypeFromName } from '../files/content-type';
import { revocationExplanation, type UploadLinkResult } from '../../../shared/model/share';
import { toAppError } from '../s3/s3-errors';
import { browserFetchable, withBrowserPathWarning } from './browser-fetchable';
import { resolveExpiry } from './download-links';
import { explainUpload, type UploadTerms } from './link-explanation';
import { bucketBaseUrl } from '../s3/bucket-address';
import { joinBaseAndKey } from '../s3/public-url';
import { copyIfAsked, ledgerBase, rememberExpiry, requestedExpiry, type ShareRuntime } from './share-runtime';
import { postCurl, putCurl, uploadFormHtml } from './upload-snippets';
import { presignPostUpload, presignPutUpload, uploadWarning } from './upload-links';

type UploadInput = ParsedInput<'share:uploadLink'>;

/** What the signing step produced, whichever the method. */
interface Signed {
  url: string;
  fields: Record<string, string>;
  headers: Record<string, string>;
  curl: string;
  html: string;
}

function termsOf(input: UploadInput): UploadTerms {
  if (input.method === 'put') {
    return { method: 'put', target: 'object', key: input.key, ...allowedType(input, input.key) };
  }
  const { target } = input;
  const key = target.type === 'object' ? target.key : target.prefix;
  return {
    method: 'post',
    target: target.type,
    key,
    minBytes: input.minBytes,
    maxBytes: input.maxBytes,
    ...allowedType(input, target.type === 'object' ? key : undefined),
  };
}

/**
 * The one Content-Type the link lets through. Without one, anybody holding the link could store
 * an object of any type (e.g. HTML to phish from the bucket's domain), so "any" is only given
 * when the user asked for it; an exact key otherwise gets the type its name implies.
 */
function allowedType(input: UploadInput, exactKey: string | undefined): Pick<UploadTerms, 'contentType' | 'anyContentType'> {
  if (input.contentType) return { contentType: input.contentType.trim() };
  if (input.anyContentType) return { anyContentType: true };
  const implied = exactKey === undefined ? undefined : contentTypeFromName(exactKey);
  if (implied) return { contentType: implied };
  throw new AppError(
    'InvalidInput',
    `Bucket Admin cannot tell a content type from “${exactKey ?? ''}”. Enter the type the upload must have (e.g. application/zip), or tick “Allow any content type”.`,
    { field: 'contentType' },
  );
}

/**
 * Issues an upload link for someone without credentials: a POST policy (exact key or prefix, size
 * range, optional content type) or a PUT URL for one key; records it and builds curl/HTML snippets.
 */
export async function issueUploadLink(rt: ShareRuntime, input: UploadInput): Promise<UploadLinkResult> {
  const conn = rt.connections.resolve(input.connectionId);
  const now = rt.now();
  const terms = termsOf(input);
  const requested = requestedExpiry(rt, 'upload', input.connectionId, input.expiresInSeconds);
  const [expiry, objectWarning] = await Promise.all([
    resolveExpiry(conn, requested, now),
    uploadWarning(conn.client, input.bucket, { type: terms.target, key: terms.key }, conn.record.roots.public),
  ]);
  // A PUT link names the key in its path (a POST form sends it as a field): browsers rewrite dot segments there.
  const warning = input.method === 'put' ? withBrowserPathWarning(terms.key, 'put', objectWarning) : objectWarning;
  let signed: Signed;
  try {
    signed = await sign(conn.client, input, terms, expiry.seconds, now, new Date(expiry.expiresAt));
  } catch (error) {
    throw toAppError(error, { bucket: input.bucket, key: terms.key });
  }
  const [ledgerId = 0] = rt.ledger.record([
    {
      ...ledgerBase(rt, conn, input.bucket, now, input.note),
      key: terms.key,
      target: terms.target,
      kind: input.method,
      expiresAt: expiry.expiresAt,
      options: {
        requestedSeconds: expiry.requestedSeconds,
        seconds: expiry.seconds,
        cap: expiry.cap,
        ...(terms.minBytes !== undefined ? { minBytes: terms.minBytes } : {}),
        ...(terms.maxBytes !== undefined ? { maxBytes: terms.maxBytes } : {}),
        ...(terms.contentType ? { contentType: terms.contentType } : {}),
        ...(terms.anyContentType ? { anyContentType: true } : {}),
        ...(warning ? { warning: warning.code } : {}),
      },
      // The bucket's address plus the key or prefix: never the policy or its signature.
      resource: joinBaseAndKey(await bucketBaseUrl(conn.client, input.bucket, terms.key), terms.key),
    },
  ]);
  rememberExpiry(rt, 'upload', input.connectionId, input.expiresInSeconds);
  const copyText = input.copy === 'curl' ? signed.curl : input.copy === 'html' ? signed.html : signed.url;
  return {
    method: input.method,
    bucket: input.bucket,
    target: terms.target,
    key: terms.key,
    ...signed,
    conditions: {
      ...(terms.minBytes !== undefined ? { minBytes: terms.minBytes } : {}),
      ...(terms.maxBytes !== undefined ? { maxBytes: terms.maxBytes } : {}),
      ...(terms.contentType ? { contentType: terms.contentType } : {}),
      ...(terms.anyContentType ? { anyContentType: true } : {}),
    },
    expiry,
    expiresAt: expiry.expiresAt,
    cap: expiry.cap,
    ...(warning ? { warning } : {}),
    ledgerId,
    snippetIds: {
      url: rt.snippets.keep(signed.url),
      curl: rt.snippets.keep(signed.curl),
      html: signed.html ? rt.snippets.keep(signed.html) : null,
    },
    copiedByMain: input.copy !== 'none' && copyIfAsked(rt, copyText, true),
    explanation: explainUpload(terms, expiry, warning),
    revocation: revocationExplanation,
  };
}

async function sign(
  client: Parameters<typeof presignPostUpload>[0],
  input: UploadInput,
  terms: UploadTerms,
  seconds: number,
  now: Date,
  expiresAt: Date,
): Promise<Signed> {
  if (input.method === 'put') {
    const put = await presignPutUpload(client, {
      bucket: input.bucket,
      key: input.key,
      seconds,
      signingDate: now,
      ...(terms.contentType ? { contentType: terms.contentType } : {}),
    });
    return {
      url: put.url,
      fields: {},
      headers: put.headers,
      curl: putCurl(put.url, put.headers, { pathAsIs: !browserFetchable(input.key) }),
      html: '',
    };
  }
  const post = await presignPostUpload(client, {
    bucket: input.bucket,
    target: input.target,
    minBytes: input.minBytes,
    maxBytes: input.maxBytes,
    seconds,
    ...(terms.contentType ? { contentType: terms.contentType } : {}),
  });
  return {
    url: post.url,
    fields: post.fields,
    headers: {},
    curl: postCurl(post.url, post.fields),
    html: uploadFormHtml({
      url: post.url,
      fields: post.fields,
      maxBytes: input.maxBytes,
      expiresAt,
      ...(terms.contentType ? { contentType: terms.contentType } : {}),
    }),
  };
}
