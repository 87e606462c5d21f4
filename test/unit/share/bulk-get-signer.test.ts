import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBulkGetSigner } from '../../../src/main/core/share/bulk-get-signer';
import { presignGet } from '../../../src/main/core/share/presign';

const clients: S3Client[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

const configs = {
  'AWS, virtual-hosted': { region: 'eu-west-1' },
  'AWS, path style': { region: 'eu-central-1', forcePathStyle: true },
  'custom endpoint, path style': { region: 'us-east-1', endpoint: 'http://127.0.0.1:7480', forcePathStyle: true },
  'custom endpoint with a port, virtual-hosted': { region: 'auto', endpoint: 'https://s3.example.net:8443' },
  'session credentials': { region: 'us-west-2', sessionToken: 'FwoGZXIvYXdzEXAMPLE' },
} as const;

const keys = [
  'private/a.pdf',
  "private/Résumé (final) it's #1.pdf",
  'private/a b/c+d=e&f?.txt',
  'private/emoji 😀/x',
  'top.txt',
  'private/a//double',
];

describe('the bulk GET signer', () => {
  it.each(Object.entries(configs))('gives exactly the URLs getSignedUrl gives (%s)', async (_label, config) => {
    const client = new S3Client({
      region: config.region,
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
        ...('sessionToken' in config ? { sessionToken: config.sessionToken } : {}),
      },
      ...('endpoint' in config ? { endpoint: config.endpoint } : {}),
      forcePathStyle: 'forcePathStyle' in config ? config.forcePathStyle : false,
    });
    clients.push(client);
    const signingDate = new Date('2026-03-01T10:00:00Z');
    const sign = await createBulkGetSigner(client, 'media-bucket', 'private/a.pdf');
    for (const key of keys) {
      for (const extra of [
        {},
        { contentDisposition: `attachment; filename="x"; filename*=UTF-8''R%C3%A9`, contentType: 'text/plain; charset=utf-8' },
      ]) {
        const spec = { bucket: 'media-bucket', key, seconds: 3600, signingDate, ...extra };
        expect(await sign(spec)).toBe(await presignGet(client, spec));
      }
    }
  });
});
