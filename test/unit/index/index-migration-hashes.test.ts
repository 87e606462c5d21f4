import { describe, expect, it } from 'vitest';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import { sha256 } from '../../../src/main/core/store/migrator';

/*
 * The text of every step of index.sqlite as it shipped. A file records each applied step's hash,
 * and one whose step text changed since is set aside and started empty (every bucket synced again,
 * every deep scan lost), so a step is never edited, nor anything its text is built from (v12's
 * ETag rule was, once, through a helper it shared: now frozen in the step). A new step adds a line.
 */
const shipped: Record<number, string> = {
  1: '16a228ec7907cfc6be69f297b87f9783dba6a7e073e7741336efb7eaa71b36d6',
  2: '0f6179f1845b380c1cb415ab127035936d44a00f0395d48dbaf1b88b36bc2dcf',
  3: '540f7fb113cb3e2ab443f99626fd7e23794edceaad60f0bfd764e6c66c504a6f',
  4: '79e6fba7a6f16a9fb1bd05d27e7e114b73d92a2c00cc6f012cdbd2472a8defb1',
  5: 'd0780c3c80dcf1d4276ae10cef9aac63c0b65f6303fae1ee22c8cff9e98af407',
  6: '3b192ed66bcf02fac39b5998e6841beecc8f488f45ee711c511488f478d5ec0f',
  7: 'ee057abc8618e53d4567ef374c7c8847f4d3ae504fdabe0ae0e3949c694cf5c6',
  8: 'b97b34900c7c83ab3c7706c39cf5483b3be2400ab03f2c677e63c9fbec2b4e84',
  9: '9cba3d18017c0324a856d6106684cb9e6725e70cbeef819acceeb196fb8ae128',
  10: 'e6faed46ac35819d06092df8e67fdea2870c8e4cda2ba8286b80baf51d8b5832',
  11: '62da692713ce0d31213f100bf68a39452aa53657d37c6b28e94e63d14dc9b242',
  12: 'cb8fc394da81dd2ca5e217fc22a3840780986ac57779579b0b69a22953702420',
  13: '1f817322bc5c93ec9bf896d2ca123fecf6a7c3ad523414e5f18f7d4076a75805',
  14: '2938db4986309c630cfe9dad0433709f0838e8ec39236e9d9eb7c8b454ec9249',
  15: '62a32c75834c10a3ec696bee7ff3b33ac24354af73848a984101b9a52e268be6',
};

describe('index.sqlite steps', () => {
  it('are each the text that shipped', () => {
    expect(Object.fromEntries(indexMigrations.map((m) => [m.version, sha256(m.sql)]))).toEqual(shipped);
  });
});
