/** The most a text preview reads: the first 256 KiB, fetched with a Range request. */
export const textPreviewBytes = 256 * 1024;

export interface TextPreview {
  text: string;
  /** The object is longer than what was read. */
  truncated: boolean;
  /** The bytes do not look like text (NUL bytes); shown anyway, with a note. */
  binary: boolean;
}

/**
 * Decodes the first bytes of an object as UTF-8. A multi-byte character cut at the end of the
 * range is dropped rather than shown as "�", and NUL bytes flag content that is not text.
 */
export function decodeTextPreview(bytes: Uint8Array, objectSize: number): TextPreview {
  const truncated = objectSize > bytes.length;
  const slice = truncated ? bytes.subarray(0, completeUtf8Length(bytes)) : bytes;
  const binary = slice.subarray(0, 8192).includes(0);
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(slice), truncated, binary };
}

/** The length up to the last complete UTF-8 character (at most 3 trailing bytes dropped). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}
