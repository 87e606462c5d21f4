import type { PutBucketCorsCommand, PutBucketLifecycleConfigurationCommand, S3Client } from '@aws-sdk/client-s3';

/** Thrown by the capture step to stop the request before it is signed or sent. */
class Captured extends Error {
  constructor(readonly body: string) {
    super('captured');
  }
}

/**
 * The exact body the SDK would send for `command` (the XML of a lifecycle or CORS write), got by
 * running the command up to the build step and stopping there: what the preview shows is then
 * byte for byte what the write sends, with nothing hand-serialised beside the SDK.
 */
export async function serializedBody(
  client: S3Client,
  command: PutBucketLifecycleConfigurationCommand | PutBucketCorsCommand,
): Promise<string> {
  (command as PutBucketCorsCommand).middlewareStack.add(
    () => (args) => {
      const body = (args.request as { body?: unknown }).body;
      throw new Captured(typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : '');
    },
    { step: 'build', name: 'bucketAdminCaptureBody' },
  );
  try {
    await client.send(command as PutBucketCorsCommand);
  } catch (error) {
    if (error instanceof Captured) return error.body;
    throw error;
  }
  throw new Error('The request was sent instead of captured.');
}
