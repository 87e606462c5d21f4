import { appCsp, appCspDirectives } from '../core/http/app-csp';
import { previewOrigin } from './origin';

/** The packaged renderer's policy, sent as a header with every HTML page of the bundle. */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = appCspDirectives({ preview: previewOrigin });

/** The policy as one header value. */
export const contentSecurityPolicy = appCsp({ preview: previewOrigin });
