import type { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ProbeOutcome, PublicAccessBlock } from '../../../../shared/model/bucket-health';

/*
 * The account-level Block Public Access setting. It lives in AWS's S3 Control API, which needs the
 * account id (asked of STS: GetCallerIdentity, which any credentials may call). Both are one
 * signed request each, made here with the SDK's own SigV4 signer and the client's credentials
 * rather than two more SDK clients: `@aws-sdk/client-s3-control` lags `client-s3` by many
 * releases and would bring a second copy of the SDK's core into the app.
 *
 * S3-compatible servers (Ceph, MinIO, R2…) have no S3 Control API: there is no account-wide
 * switch to read, and the bucket's own setting is all there is. That is recorded as not
 * supported, with no request sent.
 */

/** Where the two calls go; AWS's regional endpoints unless a test points them elsewhere. */
export interface AccountApiEndpoints {
  sts: (region: string) => string;
  control: (accountId: string, region: string) => string;
}

const awsEndpoints: AccountApiEndpoints = {
  sts: (region) => `https://sts.${region}.amazonaws.com/`,
  control: (accountId, region) => `https://${accountId}.s3-control.${region}.amazonaws.com`,
};

const timeoutMs = 10_000;

/** Whether a connection's endpoint is AWS itself (no endpoint set, or an amazonaws.com host). */
export function isAwsEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return true;
  try {
    const host = new URL(endpoint).hostname.toLowerCase();
    return host === 'amazonaws.com' || host.endsWith('.amazonaws.com') || host.endsWith('.amazonaws.com.cn');
  } catch {
    return false;
  }
}

/** The text of one XML element, or undefined (the replies here are flat and small). */
const xmlText = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

interface SignedReply {
  status: number;
  body: string;
}

/** Signs and sends one request with the S3 client's credentials and its SHA-256. */
async function signedCall(
  client: S3Client,
  service: 'sts' | 's3',
  region: string,
  url: URL,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<SignedReply> {
  const signer = new SignatureV4({ credentials: client.config.credentials, region, service, sha256: client.config.sha256 });
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  const signed = await signer.sign({
    method: init.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: { host: url.host, ...init.headers },
    body: init.body,
  });
  const headers = { ...signed.headers };
  delete headers.host; // fetch sets it, and refuses it as a header
  const reply = await fetch(url, { method: init.method, headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: reply.status, body: await reply.text() };
}

/** The account id behind the client's credentials. */
async function accountId(client: S3Client, region: string, endpoints: AccountApiEndpoints): Promise<string> {
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const reply = await signedCall(client, 'sts', region, new URL(endpoints.sts(region)), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const id = xmlText(reply.body, 'Account');
  if (reply.status !== 200 || !id || !/^\d{12}$/.test(id))
    throw new Error(
      `STS GetCallerIdentity answered HTTP ${reply.status}${xmlText(reply.body, 'Code') ? ` (${xmlText(reply.body, 'Code')})` : ''}`,
    );
  return id;
}

const flag = (xml: string, name: string) => xmlText(xml, name)?.trim().toLowerCase() === 'true';

/** Reads the account's Block Public Access, as a probe outcome (never throws). */
export async function probeAccountPublicAccessBlock(
  client: S3Client,
  endpoint: string | undefined,
  endpoints: AccountApiEndpoints = awsEndpoints,
): Promise<ProbeOutcome<PublicAccessBlock | null>> {
  if (endpoints === awsEndpoints && !isAwsEndpoint(endpoint)) {
    return {
      status: 'notSupported',
      detail:
        'Account-wide Block Public Access is an AWS setting (S3 Control API); this server has none, so the bucket’s own setting is all that applies.',
    };
  }
  try {
    const region = await client.config.region();
    const id = await accountId(client, region, endpoints);
    const url = new URL('/v20180820/configuration/publicAccessBlock', endpoints.control(id, region));
    const reply = await signedCall(client, 's3', region, url, { method: 'GET', headers: { 'x-amz-account-id': id } });
    const code = xmlText(reply.body, 'Code');
    if (reply.status === 404 && code === 'NoSuchPublicAccessBlockConfiguration') return { status: 'ok', value: null };
    if (reply.status === 403) return { status: 'denied', permission: 's3:GetAccountPublicAccessBlock' };
    if (reply.status !== 200)
      return { status: 'error', code: 'ServerError', message: `S3 Control answered HTTP ${reply.status}${code ? ` (${code})` : ''}.` };
    return {
      status: 'ok',
      value: {
        blockPublicAcls: flag(reply.body, 'BlockPublicAcls'),
        ignorePublicAcls: flag(reply.body, 'IgnorePublicAcls'),
        blockPublicPolicy: flag(reply.body, 'BlockPublicPolicy'),
        restrictPublicBuckets: flag(reply.body, 'RestrictPublicBuckets'),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'error', code: 'EndpointUnreachable', message: `Could not read the account’s Block Public Access: ${message}.` };
  }
}
