/**
 * Reads at most `maxBytes` from the start of `url`: asks for a byte range, and stops reading
 * even if the server ignores the range and sends the whole object (a large file is never
 * loaded whole). Rejects with a message for people when the object cannot be read.
 */
export async function fetchHead(url: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { headers: { Range: `bytes=0-${maxBytes - 1}` }, ...(signal ? { signal } : {}) });
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(detail || `The object could not be read (HTTP ${response.status}).`);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).subarray(0, maxBytes);
  const out = new Uint8Array(maxBytes);
  let length = 0;
  while (length < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(value.length, maxBytes - length);
    out.set(value.subarray(0, take), length);
    length += take;
  }
  await reader.cancel().catch(() => undefined);
  return out.subarray(0, length);
}
