/**
 * v4: what the transfer journal needs so an upload never leaves a stray multipart upload and never
 * ends as a mix of two versions of its file.
 * - `create_intent_json`: written before a CreateMultipartUpload is sent (key, when, the server's
 *   clock offset). If the answer is lost (network, pause, cancel, quit), the server may hold an
 *   upload whose id we never learnt; the intent says which in-progress uploads of that key can
 *   only be ours, so they are aborted on retry, resume or cancel.
 * - `source_stamp_json`: the source file's identity (device, inode, size, mtime, ctime) when the
 *   journaled parts were read. A rewrite in place with the mtime put back (cp -p, rsync -t)
 *   keeps size and mtime but not ctime, so parts read before it are checked again.
 * Append-only: this SQL is hashed into schema_migrations once applied; never edit it.
 */
export const v4UploadIntegrity = `
ALTER TABLE transfers ADD COLUMN create_intent_json TEXT;
ALTER TABLE transfers ADD COLUMN source_stamp_json TEXT;
`;
