import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import type { HttpHandlerOptions, HttpRequest as WireRequest } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBody, listObjectsV2Fast } from '../../../../src/main/core/browse/fast-list-objects';
import { DirectS3 } from '../../../../src/main/core/transfers/client/direct-s3';
import { checksumOf } from '../../../../src/main/core/transfers/local/file-source';
import { TransferHttpHandler } from '../../../../src/main/core/transfers/client/transfer-http-handler';

/**
 * The fast transfer path (direct-s3.ts, transfer-client.ts, transfer-http-handler.ts,
 * request-signal.ts, server-clock.ts) and the fast listing reader (fast-list-objects.ts) lean
 * on parts of the AWS SDK that are not its public API. These checks pin each of them, so an SDK
 * upgrade that moves one fails here, naming it, instead of breaking uploads or listings. The
 * connection setting "Transfer engine: AWS SDK" is the way round a server the fast path trips up;
 * it is not a way round a broken pin.
 */
const checkedSdkVersion = '3.1164.0';
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

interface Seen {
  request: WireRequest;
  options: HttpHandlerOptions | undefined;
}

/** A request handler that answers every request itself and keeps what the SDK handed it. */
function recordingHandler(answer: (request: WireRequest) => HttpResponse) {
  const seen: Seen[] = [];
  return {
    seen,
    handle: (request: WireRequest, options?: HttpHandlerOptions) => {
      seen.push({ request, options });
      return Promise.resolve({ response: answer(request) });
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
}

const ok = (headers: Record<string, string> = {}) =>
  new HttpResponse({ statusCode: 200, headers: { etag: '"0123456789abcdef0123456789abcdef"', ...headers }, body: Readable.from([]) });

function clientWith(handler: ReturnType<typeof recordingHandler>, address: { endpoint?: string; region: string; forcePathStyle: boolean }) {
  return new S3Client({
    region: address.region,
    ...(address.endpoint ? { endpoint: address.endpoint } : {}),
    forcePathStyle: address.forcePathStyle,
    credentials,
    maxAttempts: 1,
    requestHandler: handler,
  });
}

describe('the SDK version the fast path was checked against', () => {
  it(`is ${checkedSdkVersion}, pinned exactly in package.json, with one copy of client-s3`, () => {
    const installed = (JSON.parse(readFileSync(join(root, 'node_modules/@aws-sdk/client-s3/package.json'), 'utf8')) as { version: string })
      .version;
    expect(
      installed,
      `@aws-sdk/client-s3 ${installed} is installed; the fast transfer path was checked against ${checkedSdkVersion}. Run this file, fix what fails (or switch the fast path off), then update checkedSdkVersion.`,
    ).toBe(checkedSdkVersion);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const sdk = Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@aws-sdk/'));
    expect(sdk.length).toBeGreaterThan(0);
    for (const [name, range] of sdk)
      expect(range, `${name} must be pinned to exactly ${checkedSdkVersion} (no ^ or ~): an upgrade is a decision, made here`).toBe(
        checkedSdkVersion,
      );
    const ours = createRequire(join(root, 'package.json')).resolve('@aws-sdk/client-s3');
    for (const [name] of sdk) {
      const theirs = createRequire(join(root, 'node_modules', name, 'package.json')).resolve('@aws-sdk/client-s3');
      expect(theirs, `${name} brings its own copy of @aws-sdk/client-s3`).toBe(ours);
    }
  });
});

describe('SDK internals the fast path reads', () => {
  it('S3Client.config.signer resolves to a SigV4 signer that keeps UNSIGNED-PAYLOAD (DirectS3 signs with it)', async () => {
    const client = clientWith(
      recordingHandler(() => ok()),
      { region: 'eu-west-1', forcePathStyle: false },
    );
    expect(typeof client.config.signer, 'S3Client.config.signer is no longer a function').toBe('function');
    const signer = await client.config.signer();
    expect(typeof signer.sign, 'config.signer() no longer resolves to an object with sign()').toBe('function');
    const signed = await signer.sign(
      new HttpRequest({
        protocol: 'https:',
        hostname: 'media.s3.eu-west-1.amazonaws.com',
        method: 'PUT',
        path: '/a.txt',
        headers: { host: 'media.s3.eu-west-1.amazonaws.com', 'content-length': '1', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        body: Buffer.from('a'),
      }),
    );
    expect(signed.headers['x-amz-content-sha256'], 'the signer replaced the UNSIGNED-PAYLOAD hash').toBe('UNSIGNED-PAYLOAD');
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host;x-amz-content-sha256;x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
  });

  it('S3Client.config.credentials is the provider (transfer clients share the browsing client’s)', async () => {
    const client = clientWith(
      recordingHandler(() => ok()),
      { region: 'eu-west-1', forcePathStyle: false },
    );
    expect(typeof client.config.credentials, 'S3Client.config.credentials is no longer a provider function').toBe('function');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: credentials.accessKeyId });
  });

  const addresses = [
    {
      name: 'path-style, custom endpoint',
      endpoint: 'http://127.0.0.1:7480',
      region: 'us-east-1',
      forcePathStyle: true,
      host: '127.0.0.1',
      port: 7480,
    },
    {
      name: 'virtual-hosted, AWS',
      region: 'eu-west-1',
      forcePathStyle: false,
      host: 'media-bucket.s3.eu-west-1.amazonaws.com',
      port: undefined,
    },
  ];
  it.each(addresses)(
    'a build-step middleware sees the request addressed by the endpoint rules, not yet signed: DirectS3 addresses as the SDK does ($name)',
    async (address) => {
      const handler = recordingHandler(() => ok());
      const client = clientWith(handler, address);
      const key = "odd/ü n+i(c)o*d!e's =&%.txt";
      const checksum = checksumOf(Buffer.from('body'), 'md5');
      await client.send(
        new PutObjectCommand({
          Bucket: 'media-bucket',
          Key: key,
          Body: Buffer.from('body'),
          ContentType: 'text/plain',
          ContentMD5: checksum.base64,
        }),
      );
      await new DirectS3(client, handler, { request: () => Promise.reject(new Error('not a GET test')) }).put(
        {
          bucket: 'media-bucket',
          key,
          target: { kind: 'object', headers: { ContentType: 'text/plain' }, createOnly: true },
          body: Buffer.from('body'),
          contentLength: 4,
          checksum,
        },
        AbortSignal.timeout(5_000),
      );
      const [sdk, direct] = handler.seen.map((s) => s.request);
      if (!sdk || !direct) throw new Error('the handler saw fewer than two requests');
      expect(
        sdk instanceof HttpRequest,
        'the SDK builds requests with another copy of @smithy/core than the one direct-s3.ts imports',
      ).toBe(true);
      const where = (r: WireRequest) => ({ protocol: r.protocol, hostname: r.hostname, port: r.port, path: r.path, method: r.method });
      expect(where(sdk)).toMatchObject({ hostname: address.host, port: address.port });
      expect(where(direct), 'DirectS3 (captureAddress + encodeKey) no longer addresses a PUT as the SDK does').toEqual(where(sdk));
      expect(direct.headers.authorization, 'the probe request was signed or the signer changed its output').toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//,
      );
      expect(direct.headers).toMatchObject({
        'content-md5': checksum.base64,
        'if-none-match': '*',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      });
    },
  );

  it.each(addresses)('DirectS3 addresses and signs a ranged GET as the SDK’s GetObjectCommand does ($name)', async (address) => {
    const handler = recordingHandler(() => ok());
    const client = clientWith(handler, address);
    const key = "odd/ü n+i(c)o*d!e's =&%.bin";
    await client.send(
      new GetObjectCommand({ Bucket: 'media-bucket', Key: key, Range: 'bytes=16-31', IfMatch: '"0123456789abcdef0123456789abcdef"' }),
    );
    const sent: WireRequest[] = [];
    const sockets = {
      request: (signed: WireRequest) => {
        sent.push(signed);
        return Promise.resolve({
          statusCode: 206,
          headers: { 'content-length': '16', etag: '"e"' },
          body: Readable.from([]),
          discard: () => undefined,
        });
      },
    };
    const got = await new DirectS3(client, handler, sockets).get(
      { bucket: 'media-bucket', key, range: { start: 16, end: 32 }, ifMatch: '0123456789abcdef0123456789abcdef' },
      AbortSignal.timeout(5_000),
    );
    expect(got).toMatchObject({ etag: 'e', contentLength: 16 });
    const [sdk] = handler.seen.map((x) => x.request);
    const [direct] = sent;
    if (!sdk || !direct) throw new Error('a GET was not seen');
    const where = (r: WireRequest) => ({ protocol: r.protocol, hostname: r.hostname, port: r.port, path: r.path, method: r.method });
    expect(where(direct), 'DirectS3 no longer addresses a GET as the SDK does').toEqual(where(sdk));
    expect(direct.headers).toMatchObject({
      range: sdk.headers.range,
      'if-match': sdk.headers['if-match'],
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    });
    expect(direct.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/[a-z0-9-]+\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*if-match;range;x-amz-content-sha256;x-amz-date/,
    );
  });

  it('the SDK hands a custom handler its request and abort signal, and reads its HttpResponse, errors too (with $response for the server clock)', async () => {
    const handler = recordingHandler((request) =>
      request.path.endsWith('/missing')
        ? new HttpResponse({ statusCode: 404, headers: { date: 'Tue, 02 Dec 2025 10:00:00 GMT' }, body: Readable.from([]) })
        : ok({ 'content-length': '4', date: 'Tue, 02 Dec 2025 10:00:00 GMT' }),
    );
    const client = clientWith(handler, { endpoint: 'http://127.0.0.1:7480', region: 'us-east-1', forcePathStyle: true });
    const signal = new AbortController().signal;
    const head = await client.send(new HeadObjectCommand({ Bucket: 'media-bucket', Key: 'here' }), { abortSignal: signal });
    expect(head).toMatchObject({ ETag: '"0123456789abcdef0123456789abcdef"', ContentLength: 4 });
    expect(handler.seen[0]?.options?.abortSignal, 'the SDK no longer passes send()’s abortSignal to the handler').toBe(signal);
    const error = await client.send(new HeadObjectCommand({ Bucket: 'media-bucket', Key: 'missing' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    expect(
      (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.date,
      'SDK errors no longer carry $response with its headers',
    ).toBe('Tue, 02 Dec 2025 10:00:00 GMT');
  });

  it('fast listing’s reader goes in before throw200ExceptionsMiddleware (a missing name would break every listing)', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>media-bucket</Name><Prefix>a/</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>' +
      '<Contents><Key>a/one.txt</Key><LastModified>2025-12-02T10:00:00.000Z</LastModified><ETag>"abc"</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>' +
      '<CommonPrefixes><Prefix>a/sub/</Prefix></CommonPrefixes></ListBucketResult>';
    const handler = recordingHandler(
      () => new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(xml)]) }),
    );
    const client = clientWith(handler, { endpoint: 'http://127.0.0.1:7480', region: 'us-east-1', forcePathStyle: true });
    const page = await listObjectsV2Fast(client, { Bucket: 'media-bucket', Prefix: 'a/', Delimiter: '/' });
    expect(page).toMatchObject({ isTruncated: false, commonPrefixes: ['a/sub/'], contents: [{ key: 'a/one.txt', size: 3 }] });
  });

  it('fast listing reads a body that came in one piece without copying it, and one in pieces as one copy', async () => {
    const xml = Buffer.from('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>');
    expect(await collectBody(Readable.from([xml]))).toBe(xml);
    const view = new Uint8Array(xml.buffer, xml.byteOffset, xml.byteLength);
    const fromView = await collectBody(Readable.from([view]));
    // Page bodies are most of what a sync allocates outside main's heap, and what starts its full collections.
    expect([fromView.buffer, fromView.byteOffset, fromView.length]).toEqual([xml.buffer, xml.byteOffset, xml.length]);
    expect(await collectBody(view)).toEqual(xml);
    expect((await collectBody(Readable.from([xml.subarray(0, 10), new Uint8Array(xml.subarray(10)), 'x']))).toString()).toBe(
      `${xml.toString()}x`,
    );
  });
});

describe('the transfer HTTP handler as the SDK’s request handler', () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { etag: '"0123456789abcdef0123456789abcdef"', 'content-length': '7' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('is accepted by S3Client and answers a command', async () => {
    const handler = new TransferHttpHandler({ connectTimeoutMs: 2_000, stallTimeoutMs: 2_000, maxSockets: 2 });
    const client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials,
      maxAttempts: 1,
      requestHandler: handler,
    });
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: 'media-bucket', Key: 'k' }), {
        abortSignal: AbortSignal.timeout(5_000),
      });
      expect(head).toMatchObject({ ETag: '"0123456789abcdef0123456789abcdef"', ContentLength: 7 });
    } finally {
      client.destroy();
    }
  });
});
