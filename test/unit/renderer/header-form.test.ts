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

  it('writes Content-Disposition quoted for ASCII names and as filename* for others', () => {
    expect(dispositionFor('attachment', 'take "3".mp4')).toBe('attachment; filename="take \\"3\\".mp4"');
    expect(dispositionFor('inline', 'café.jpg')).toBe("inline; filename*=UTF-8''caf%C3%A9.jpg");
  });
});
