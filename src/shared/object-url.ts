/** What the app's object route needs to stream one object to a preview or a download. */
export interface ObjectUrlParams {
  connectionId: string;
  bucket: string;
  key: string;
  versionId?: string;
  /** Ask the browser to save the file (Content-Disposition: attachment) instead of showing it. */
  download?: boolean;
}

/**
 * Path of the route both hosts serve, on an origin that is not the app's (browser host: its own
 * port and a secret path prefix, Electron: `app://preview`), so an object can never reach the app.
 */
export const objectRoutePath = '/__object';

/** Query parameter names of the object route. */
export const objectUrlParam = { connectionId: 'c', bucket: 'b', key: 'k', versionId: 'v', download: 'd' } as const;

/**
 * The URL (`<previewBase>/__object?c=…&b=…&k=…`) for <img>/<video>/<iframe> src and text reads:
 * main streams the bytes with range support, so the renderer never talks to S3 or holds
 * credentials. `previewBase` is `AppInfo.previewBase`.
 */
export function objectUrl(previewBase: string, params: ObjectUrlParams): string {
  const query = new URLSearchParams();
  query.set(objectUrlParam.connectionId, params.connectionId);
  query.set(objectUrlParam.bucket, params.bucket);
  query.set(objectUrlParam.key, params.key);
  if (params.versionId !== undefined) query.set(objectUrlParam.versionId, params.versionId);
  if (params.download) query.set(objectUrlParam.download, '1');
  return `${previewBase.replace(/\/+$/, '')}${objectRoutePath}?${query.toString()}`;
}
