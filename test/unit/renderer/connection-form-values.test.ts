import { describe, expect, it } from 'vitest';
import { connectionDraftSchema, type Connection } from '../../../src/shared/model/connection';
import { buildDraft, initialValues, validateDraft } from '../../../src/renderer/features/connections/connection-form-values';
import { fieldForPath } from '../../../src/renderer/features/connections/field-errors';

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

describe('public base URL (CDN)', () => {
  const saved: Connection = {
    id: 'conn-12345678',
    name: 'Media',
    credentials: { kind: 'keys', accessKeyIdMasked: 'AKIA…1234', hasSessionToken: false },
    region: 'eu-west-1',
    forcePathStyle: false,
    checksumCompatibility: false,
    transferEngine: 'fast',
    roots: { public: 'public/', private: 'private/' },
    publicBaseUrl: 'https://cdn.example.com/media/',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('is loaded when editing and sent back, so saving other changes keeps it', () => {
    const values = initialValues(saved);
    expect(values.publicBaseUrl).toBe('https://cdn.example.com/media/');
    expect(buildDraft({ ...values, name: 'Media 2' }, noSecrets).publicBaseUrl).toBe('https://cdn.example.com/media/');
  });

  it('is left out when blank (public links then use the endpoint) and trimmed otherwise', () => {
    expect(initialValues().publicBaseUrl).toBe('');
    expect(buildDraft({ ...initialValues(saved), publicBaseUrl: '  ' }, noSecrets)).not.toHaveProperty('publicBaseUrl');
    expect(buildDraft({ ...initialValues(), publicBaseUrl: ' https://cdn.example.com ' }, noSecrets).publicBaseUrl).toBe(
      'https://cdn.example.com',
    );
  });

  it('is checked with the schema and reported on its own field', () => {
    const draft = buildDraft({ ...initialValues(saved), publicBaseUrl: 'https://cdn.example.com/?sig=1' }, noSecrets);
    expect(validateDraft(draft, { adding: false })).toEqual([
      { path: 'publicBaseUrl', message: 'The public base URL cannot have a ? query or # fragment: object keys are appended to it.' },
    ]);
    expect(fieldForPath('draft.publicBaseUrl')).toBe('publicBaseUrl');
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

describe('transfer engine', () => {
  const saved: Connection = {
    id: 'conn-12345678',
    name: 'Media',
    credentials: { kind: 'keys', accessKeyIdMasked: 'AKIA…1234', hasSessionToken: false },
    region: 'eu-west-1',
    forcePathStyle: true,
    checksumCompatibility: true,
    transferEngine: 'sdk',
    roots: { public: 'public/', private: 'private/' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('starts fast for a new connection, and main fills in fast when the draft leaves it out', () => {
    expect(initialValues().transferEngine).toBe('fast');
    const draft = buildDraft({ ...initialValues(), name: 'x', accessKeyId: 'AKIA1234' }, { secret: 's', sessionToken: '' });
    expect(draft).not.toHaveProperty('transferEngine');
    expect(connectionDraftSchema.parse(draft).transferEngine).toBe('fast');
  });

  it('is loaded when editing and sent back; switching back to fast saves fast', () => {
    const values = initialValues(saved);
    expect(values.transferEngine).toBe('sdk');
    expect(buildDraft({ ...values, name: 'Media 2' }, noSecrets).transferEngine).toBe('sdk');
    expect(connectionDraftSchema.parse(buildDraft({ ...values, transferEngine: 'fast' }, noSecrets)).transferEngine).toBe('fast');
  });

  it('refuses an engine it does not know, on its own field', () => {
    const draft = { ...buildDraft(initialValues(saved), noSecrets), transferEngine: 'turbo' } as unknown as Parameters<
      typeof validateDraft
    >[0];
    const issues = validateDraft(draft, { adding: false });
    expect(issues.map((i) => i.path)).toEqual(['transferEngine']);
    expect(fieldForPath('draft.transferEngine')).toBe('transferEngine');
  });
});
