// The header editor sends only what the user changed: untouched headers are left to main to keep.
import { describe, expect, it } from 'vitest';
import { dispositionFor, formFromHeaders, patchFromForm } from '../../../src/renderer/features/inspector/header-form';

const initial = { cacheControl: 'no-cache', contentType: 'image/jpeg', contentLanguage: 'de', metadata: { build: '42', owner: 'ana' } };

describe('the header form', () => {
  it('sends nothing when nothing changed', () => {
    expect(patchFromForm(initial, formFromHeaders(initial))).toEqual({});
  });

  it('sends a changed field, null for a cleared one, and metadata set/removed by name', () => {
    const form = formFromHeaders(initial);
    form.cacheControl = 'max-age=60';
    form.contentLanguage = '';
    form.metadata = [
      { name: 'build', value: '43' },
      { name: 'Rig', value: 'steadicam' },
    ];
    expect(patchFromForm(initial, form)).toEqual({
      cacheControl: 'max-age=60',
      contentLanguage: null,
      metadata: { build: '43', rig: 'steadicam', owner: null },
    });
  });

  // RFC 6266: a plain ASCII name is one quoted filename; anything a quoted string cannot carry as is
  // (quotes, backslashes, %, non-ASCII) gets an ASCII stand-in plus the exact name as RFC 8187 filename*.
  it('writes Content-Disposition with an ASCII fallback and filename* only when the name needs it', () => {
    expect(dispositionFor('attachment', 'take 3.mp4')).toBe('attachment; filename="take 3.mp4"');
    expect(dispositionFor('attachment', 'take "3".mp4')).toBe('attachment; filename="take _3_.mp4"; filename*=UTF-8\'\'take%20%223%22.mp4');
    expect(dispositionFor('inline', 'café.jpg')).toBe('inline; filename="caf_.jpg"; filename*=UTF-8\'\'caf%C3%A9.jpg');
  });
});
