/**
 * The address without its query: what the ledger keeps. For a presigned URL this drops the
 * credential scope, date and signature, so the ledger never holds a usable link.
 */
export function unsignedResource(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
