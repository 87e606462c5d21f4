import { describe, expect, it } from 'vitest';
import { buildDraft, initialValues, validateDraft } from '../../../src/renderer/features/connections/connection-form-values';

const noSecrets = { secret: '', sessionToken: '' };

describe('buildDraft', () => {
  it('trims, defaults the region and leaves empty optional fields out', () => {
    const values = { ...initialValues(), name: '  Media ', accessKeyId: ' AKIAEXAMPLE ', region: ' ' };
    expect(buildDraft(values, { secret: ' s3cret ', sessionToken: '' })).toEqual({
      name: 'Media',
      credentials: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: ' s3cret ' },
      region: 'us-east-1',
      forcePathStyle: false,
      checksumCompatibility: false,
      roots: { public: 'public/', private: 'private/' },
    });
  });

  it('omits a blank key ID and secret, meaning "keep the stored one" when editing', () => {
    expect(buildDraft({ ...initialValues(), name: 'x', accessKeyId: 'AKIA1234' }, noSecrets).credentials).toEqual({
      kind: 'keys',
      accessKeyId: 'AKIA1234',
    });
    expect(buildDraft({ ...initialValues(), name: 'x' }, noSecrets).credentials).toEqual({ kind: 'keys' });
  });
});

describe('validateDraft', () => {
  it('requires a key ID and a secret for a new key connection', () => {
    const draft = buildDraft({ ...initialValues(), name: 'x' }, noSecrets);
    expect(validateDraft(draft, { adding: true })).toEqual([
      { path: 'credentials.accessKeyId', message: 'Enter the access key ID.' },
      { path: 'credentials.secretAccessKey', message: 'Enter the secret access key.' },
    ]);
  });

  it('requires the secret only when adding', () => {
    const draft = buildDraft({ ...initialValues(), name: 'x', accessKeyId: 'AKIA1234' }, noSecrets);
    expect(validateDraft(draft, { adding: true })).toEqual([
      { path: 'credentials.secretAccessKey', message: 'Enter the secret access key.' },
    ]);
    expect(validateDraft(draft, { adding: false })).toEqual([]);
  });

  it('reports schema problems by path, with plain words for blank roots and profiles', () => {
    const values = { ...initialValues(), source: 'profile' as const, endpoint: 'nope', rootPublic: '' };
    const paths = validateDraft(buildDraft(values, noSecrets), { adding: true });
    expect(paths.map((i) => i.path).sort()).toEqual(['credentials.profile', 'endpoint', 'name', 'roots.public']);
    expect(paths.find((i) => i.path === 'credentials.profile')?.message).toBe('Choose a profile.');
  });
});
