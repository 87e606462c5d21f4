import type { ConnectionSettings } from '../../../shared/model/connection';
import { isPublicKey } from '../../../shared/model/roots';
import type { DispositionOption, LinkRoute } from '../../../shared/model/share';

/** What the user asked for one download link. */
export interface DownloadRequest {
  key: string;
  mode: 'auto' | 'presigned';
  disposition?: DispositionOption;
  contentType?: string;
}

/** How the link will be made, and why when that is not the obvious choice. */
export interface LinkPlan {
  kind: 'get' | 'public';
  route: LinkRoute;
  /** Set when a public key still gets a presigned link. */
  reason?: string;
}

/**
 * Public root → the plain URL (CDN base when configured); everything else → presigned. A public
 * key with a disposition or content type gets a presigned link: S3 ignores or refuses those
 * response overrides on anonymous requests. Pure.
 */
export function planDownload(settings: Pick<ConnectionSettings, 'roots' | 'publicBaseUrl'>, req: DownloadRequest): LinkPlan {
  if (req.mode === 'presigned') return { kind: 'get', route: 'presigned' };
  if (!isPublicKey(req.key, settings.roots)) return { kind: 'get', route: 'presigned' };
  if (req.disposition || req.contentType) {
    return {
      kind: 'get',
      route: 'presigned',
      reason:
        'This file is public, but a download name or content type needs a signed link (anonymous requests cannot set them), so this link expires.',
    };
  }
  return { kind: 'public', route: settings.publicBaseUrl ? 'cdn' : 'endpoint' };
}
