import { describe, expect, it } from 'vitest';
import {
  allConnections,
  entryState,
  ledgerExportInput,
  ledgerPageInput,
  pageRangeText,
} from '../../../src/renderer/features/ledger/ledger-filter';

const filter = { connectionId: allConnections, search: '', kind: 'any' as const, state: 'any' as const, page: 0 };

describe('ledger filter', () => {
  it('asks for everything when nothing is chosen', () => {
    expect(ledgerPageInput(filter)).toEqual({ state: 'any', offset: 0, limit: 100 });
  });

  it('narrows by connection, trimmed search, kind and state, and pages by 100', () => {
    const f = { connectionId: 'conn-12345678', search: '  T-4711 ', kind: 'get' as const, state: 'alive' as const, page: 2 };
    expect(ledgerPageInput(f)).toEqual({
      connectionId: 'conn-12345678',
      search: 'T-4711',
      kinds: ['get'],
      state: 'alive',
      offset: 200,
      limit: 100,
    });
    expect(ledgerExportInput(f)).toEqual({ connectionId: 'conn-12345678', search: 'T-4711', kinds: ['get'], state: 'alive' });
  });

  it('keeps a pasted search within the contract’s 200 characters', () => {
    expect(ledgerExportInput({ ...filter, search: 'x'.repeat(300) }).search).toHaveLength(200);
  });
});

describe('pageRangeText', () => {
  it('says which rows show of how many', () => {
    expect(pageRangeText(0, 0, 0)).toBe('No links match.');
    expect(pageRangeText(0, 1, 1)).toBe('1–1 of 1 link');
    expect(pageRangeText(1, 50, 150)).toBe('101–150 of 150 links');
  });
});

describe('entryState', () => {
  it('tells alive, expired and public links apart', () => {
    expect(entryState({ expiresAt: '2030-01-01T00:00:00.000Z', alive: true }).label).toBe('Alive');
    expect(entryState({ expiresAt: '2020-01-01T00:00:00.000Z', alive: false }).label).toBe('Expired');
    expect(entryState({ expiresAt: null, alive: true }).label).toBe('While public');
  });
});
