import { describe, expect, it } from 'vitest';
import { call, ClientError, toClientError } from '../../../src/renderer/api/client-error';
import { AppError } from '../../../src/shared/errors';

describe('call', () => {
  it('returns the value of a successful result', async () => {
    await expect(call(Promise.resolve({ ok: true as const, value: 42 }))).resolves.toBe(42);
  });

  it('throws a ClientError carrying code, message and details', async () => {
    const failed = call(
      Promise.resolve({ ok: false as const, error: { code: 'AccessDenied' as const, message: 'No access.', details: { bucket: 'b' } } }),
    );
    await expect(failed).rejects.toBeInstanceOf(ClientError);
    await expect(failed).rejects.toMatchObject({ code: 'AccessDenied', message: 'No access.', details: { bucket: 'b' } });
  });

  it('turns a rejected transport promise into an Internal ClientError', async () => {
    await expect(call(Promise.reject(new Error('socket gone')))).rejects.toMatchObject({ code: 'Internal' });
  });
});

describe('toClientError', () => {
  it('keeps the code of an AppError and maps unknown codes to Internal', () => {
    expect(toClientError(new AppError('Offline', 'x')).code).toBe('Offline');
    expect(ClientError.fromShape({ code: 'FutureCode' as never, message: 'm' }).code).toBe('Internal');
  });
});
