import { describe, expect, it } from 'vitest';
import { choiceForSeconds, overCapHint, secondsForChoice } from '../../../src/renderer/features/share/expiry-choice';

describe('choiceForSeconds', () => {
  it('picks the matching preset', () => {
    expect(choiceForSeconds(900).preset).toBe('15m');
    expect(choiceForSeconds(3_600).preset).toBe('1h');
    expect(choiceForSeconds(86_400).preset).toBe('1d');
    expect(choiceForSeconds(604_800).preset).toBe('7d');
  });

  it('shows anything else as custom in the largest whole unit', () => {
    expect(choiceForSeconds(2 * 86_400)).toEqual({ preset: 'custom', amount: '2', unit: 'days' });
    expect(choiceForSeconds(7_200)).toEqual({ preset: 'custom', amount: '2', unit: 'hours' });
    expect(choiceForSeconds(5_400)).toEqual({ preset: 'custom', amount: '90', unit: 'minutes' });
    expect(choiceForSeconds(90)).toEqual({ preset: 'custom', amount: '1.5', unit: 'minutes' });
  });

  it('round-trips through secondsForChoice', () => {
    for (const s of [900, 3_600, 7_200, 5_400, 172_800, 604_800]) {
      expect(secondsForChoice(choiceForSeconds(s))).toEqual({ ok: true, seconds: s });
    }
  });
});

describe('secondsForChoice', () => {
  const custom = (amount: string, unit: 'minutes' | 'hours' | 'days' = 'hours') => secondsForChoice({ preset: 'custom', amount, unit });
  const refusal = (amount: string, unit?: 'minutes' | 'hours' | 'days') => {
    const result = custom(amount, unit);
    return result.ok ? `accepted ${result.seconds} s` : result.message;
  };

  it('reads presets and custom lengths, decimal commas included', () => {
    expect(secondsForChoice({ preset: '15m', amount: '', unit: 'hours' })).toEqual({ ok: true, seconds: 900 });
    expect(custom('1.5')).toEqual({ ok: true, seconds: 5_400 });
    expect(custom('1,5')).toEqual({ ok: true, seconds: 5_400 });
    expect(custom('3', 'days')).toEqual({ ok: true, seconds: 259_200 });
  });

  it('refuses blanks, words, zero and negatives with a way forward', () => {
    expect(custom('')).toEqual({ ok: false, message: 'Enter how many hours the link works, e.g. 2.' });
    expect(refusal('soon')).toContain('“soon” is not a number');
    expect(refusal('0')).toContain('zero or less');
    expect(refusal('-2')).toContain('zero or less');
  });

  it('lets lengths beyond 7 days through for main to cap, but not beyond 10 years', () => {
    expect(custom('30', 'days')).toEqual({ ok: true, seconds: 30 * 86_400 });
    expect(refusal('4000', 'days')).toContain('longer than 10 years');
  });
});

describe('overCapHint', () => {
  it('is silent within the limit and names the limit beyond it', () => {
    expect(overCapHint(3_600, 604_800)).toBeNull();
    expect(overCapHint(30 * 86_400, 604_800)).toContain('capped at 7 days');
    expect(overCapHint(7_200, 3_000)).toContain('credentials');
  });
});
