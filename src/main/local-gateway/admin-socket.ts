// Talks to a Ceph daemon's admin socket (<data>/run/<name>.asok) directly:
// the protocol is a NUL-terminated JSON command, answered by a 4-byte
// big-endian length and that many bytes of JSON. This is what
// `ceph --admin-daemon` does, minus ~100 ms of Python start-up per call,
// which matters when polling for readiness.
import { connect } from 'node:net';

export function adminSocketCommand(socketPath: string, prefix: string, timeoutMs = 5_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sock = connect(socketPath);
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (err: Error): void => {
      sock.destroy();
      reject(err);
    };
    sock.setTimeout(timeoutMs, () => fail(new Error(`admin socket ${socketPath}: no answer to "${prefix}" in ${timeoutMs} ms`)));
    sock.on('error', fail);
    sock.on('connect', () => sock.write(JSON.stringify({ prefix, format: 'json' }) + '\0'));
    sock.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received < 4) return;
      const all = Buffer.concat(chunks);
      const len = all.readUInt32BE(0);
      if (all.length < 4 + len) return;
      sock.destroy();
      try {
        resolve(JSON.parse(all.subarray(4, 4 + len).toString('utf8')));
      } catch (err) {
        reject(new Error(`admin socket ${socketPath}: bad JSON for "${prefix}": ${String(err)}`));
      }
    });
    sock.on('end', () => fail(new Error(`admin socket ${socketPath}: closed before a full answer to "${prefix}"`)));
  });
}
