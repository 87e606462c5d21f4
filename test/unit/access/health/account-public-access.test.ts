// The account-level Block Public Access read: two SigV4-signed calls (STS GetCallerIdentity, then
// S3 Control GetPublicAccessBlock). AWS is out of reach here, so a loopback server plays both
// endpoints and checks each request's signature by signing it again with the same secret; a
// server that is not AWS gets no request at all.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAwsEndpoint, probeAccountPublicAccessBlock } from '../../../../src/main/core/access/health/account-public-access';
import { createS3Client } from '../../../../src/main/core/s3/client-factory';

const credentials = { accessKeyId: 'AKIAEXAMPLEEXAMPLE01', secretAccessKey: 'account-probe-test-secret' };
const client = createS3Client({ region: 'eu-west-1', forcePathStyle: false, checksumCompatibility: false }, () =>
  Promise.resolve(credentials),
);

let server: Server;
let base: string;
/** What the loopback "AWS" answers to S3 Control; changed per case. */
let control: { status: number; body: string };
const seen: { service: string; validSignature: boolean; accountHeader?: string }[] = [];

async function signatureHolds(req: IncomingMessage, body: string, service: string): Promise<boolean> {
  const url = new URL(req.url ?? '/', base);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const auth = req.headers.authorization ?? '';
  const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedNames) headers[name] = String(req.headers[name] ?? '');
  const date = String(req.headers['x-amz-date'] ?? '');
  const signer = new SignatureV4({ credentials, region: 'eu-west-1', service, sha256: client.config.sha256 });
  const again = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers,
      body,
    },
    {
      signingDate: new Date(
        `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
      ),
    },
  );
  return again.headers.authorization === auth;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const service = /Credential=[^/]+\/\d+\/eu-west-1\/([^/]+)\//.exec(String(req.headers.authorization))?.[1] ?? '';
      void signatureHolds(req, body, service).then((validSignature) => {
        seen.push({ service, validSignature, accountHeader: req.headers['x-amz-account-id'] as string | undefined });
        if (req.url === '/sts/' && body.includes('Action=GetCallerIdentity')) {
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(
            '<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>',
          );
        } else if (req.url === '/v20180820/configuration/publicAccessBlock') {
          res.writeHead(control.status, { 'content-type': 'application/xml' });
          res.end(control.body);
        } else {
          res.writeHead(400).end();
        }
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  client.destroy();
});

const endpoints = () => ({ sts: () => `${base}/sts/`, control: () => base });

describe('the account’s Block Public Access', () => {
  it('asks STS for the account, then S3 Control with that account, both correctly signed', async () => {
    seen.length = 0;
    control = {
      status: 200,
      body: '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>TRUE</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
    };
    const outcome = await probeAccountPublicAccessBlock(client, undefined, endpoints());
    expect(outcome).toEqual({
      status: 'ok',
      value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true },
    });
    expect(seen).toEqual([
      { service: 'sts', validSignature: true, accountHeader: undefined },
      { service: 's3', validSignature: true, accountHeader: '123456789012' },
    ]);
  });

  it('reads "no configuration" as none, and a refusal as the permission that is missing', async () => {
    control = { status: 404, body: '<Error><Code>NoSuchPublicAccessBlockConfiguration</Code></Error>' };
    expect(await probeAccountPublicAccessBlock(client, undefined, endpoints())).toEqual({ status: 'ok', value: null });
    control = { status: 403, body: '<Error><Code>AccessDenied</Code></Error>' };
    expect(await probeAccountPublicAccessBlock(client, undefined, endpoints())).toEqual({
      status: 'denied',
      permission: 's3:GetAccountPublicAccessBlock',
    });
  });

  it('an unreachable endpoint is an error outcome, not a throw', async () => {
    const outcome = await probeAccountPublicAccessBlock(client, undefined, { sts: () => 'http://127.0.0.1:1/', control: () => base });
    expect(outcome).toMatchObject({ status: 'error', code: 'EndpointUnreachable' });
  });

  it('sends nothing to a server that is not AWS: it has no account-wide setting', async () => {
    seen.length = 0;
    const outcome = await probeAccountPublicAccessBlock(client, base);
    expect(outcome).toMatchObject({ status: 'notSupported' });
    expect(seen).toEqual([]);
    expect(isAwsEndpoint(undefined)).toBe(true);
    expect(isAwsEndpoint('https://s3.eu-west-1.amazonaws.com')).toBe(true);
    expect(isAwsEndpoint('https://amazonaws.com.evil.example')).toBe(false);
    expect(isAwsEndpoint('http://127.0.0.1:9000')).toBe(false);
  });
});
