import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { buildQueryString, HttpRequest } from '@smithy/core/protocols';
import type { HttpRequest as SignedRequest } from '@smithy/types';
import { encodeKeyPath } from '../../../shared/model/keys';
import { presignGet, type GetLinkSpec } from './presign';

/** Signs one GET of a bulk request; same inputs and output as `presignGet`. */
export type GetSigner = (spec: GetLinkSpec) => Promise<string>;

interface AuthScheme {
  name?: string;
  signingName?: string;
  signingRegion?: string;
}

function formatSigned(request: SignedRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = buildQueryString(request.query ?? {});
  return `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
}

/**
 * `getSignedUrl` rebuilds the whole middleware stack for every URL (about 2 ms each here); for up
 * to 1,000 links this resolves the bucket's endpoint and signing scope once and signs each request
 * directly with the SDK's own S3 presigner (about 0.3 ms). A unit test holds its URLs equal to
 * `getSignedUrl`'s. Endpoints that need more than plain SigV4 (SigV4a, S3 Express) fall back to it.
 */
export async function createBulkGetSigner(client: S3Client, bucket: string, sampleKey: string): Promise<GetSigner> {
  const endpoint = await getEndpointFromInstructions({ Bucket: bucket, Key: sampleKey }, GetObjectCommand, client.config);
  const scheme = (endpoint.properties?.authSchemes as AuthScheme[] | undefined)?.[0];
  if ((scheme && scheme.name !== 'sigv4') || endpoint.properties?.backend === 'S3Express') {
    return (spec) => presignGet(client, spec);
  }
  const region = scheme?.signingRegion ?? (await client.config.region());
  const service = scheme?.signingName ?? 's3';
  const presigner = new S3RequestPresigner({ ...client.config, signingName: service, region: () => Promise.resolve(region) });
  const base = endpoint.url;
  const basePath = base.pathname.replace(/\/+$/, '');
  return async (spec) => {
    const request = new HttpRequest({
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      method: 'GET',
      path: `${basePath}/${encodeKeyPath(spec.key)}`,
      query: {
        ...(spec.contentDisposition ? { 'response-content-disposition': spec.contentDisposition } : {}),
        ...(spec.contentType ? { 'response-content-type': spec.contentType } : {}),
        'x-id': 'GetObject',
      },
      headers: {},
    });
    const signed = await presigner.presign(request, {
      expiresIn: spec.seconds,
      signingDate: spec.signingDate,
      signingRegion: region,
      signingService: service,
    });
    return formatSigned(signed);
  };
}
