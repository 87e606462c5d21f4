/** What the app's object route needs to stream one object to a preview or a download. */
export interface ObjectUrlParams {
  connectionId: string;
  bucket: string;
  key: string;
  versionId?: string;
  /** Ask the browser to save the file (Content-Disposition: attachment) instead of showing it. */
  download?: boolean;
}

/** Path of the route both hosts serve (browser host: /__object, Electron: app://bundle/__object). */
export const objectRoutePath = '/__object';

/** Query parameter names of the object route. */
export const objectUrlParam = { connectionId: 'c', bucket: 'b', key: 'k', versionId: 'v', download: 'd' } as const;

/**
 * A relative URL (`./__object?c=…&b=…&k=…`) for <img>/<video>/<iframe> src: main streams the
 * bytes with range support, so the renderer never talks to S3 or holds credentials.
 */
export function objectUrl(params: ObjectUrlParams): string {
  const query = new URLSearchParams();
  query.set(objectUrlParam.connectionId, params.connectionId);
  query.set(objectUrlParam.bucket, params.bucket);
  query.set(objectUrlParam.key, params.key);
  if (params.versionId !== undefined) query.set(objectUrlParam.versionId, params.versionId);
  if (params.download) query.set(objectUrlParam.download, '1');
  return `.${objectRoutePath}?${query.toString()}`;
}
