import { useState } from 'react';
import { cacheControlFor, type CachePreset } from '../../shared/model/cache-control';
import { Button } from './Button';

/** Seconds in each unit the duration picker offers. */
export const durationUnits = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, years: 31_536_000 } as const;
export type DurationUnit = keyof typeof durationUnits;

type PresetKind = CachePreset['kind'];

/** Presets for Cache-Control (no-cache, no-store, max-age with a duration and optional s-maxage, immutable). */
export function CacheControlPicker({ onPick }: { onPick: (value: string) => void }) {
  const [kind, setKind] = useState<PresetKind>('max-age');
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<DurationUnit>('days');
  const [shared, setShared] = useState('');
  const seconds = Math.max(0, Math.round(Number(amount) * durationUnits[unit]));
  const sharedSeconds = shared.trim() === '' ? undefined : Math.max(0, Math.round(Number(shared)));
  const preset: CachePreset =
    kind === 'max-age'
      ? { kind, seconds, ...(sharedSeconds !== undefined && !Number.isNaN(sharedSeconds) ? { sharedSeconds } : {}) }
      : kind === 'immutable'
        ? { kind, seconds }
        : { kind };
  const timed = kind === 'max-age' || kind === 'immutable';
  return (
    <div className="cache-picker" data-testid="cache-picker">
      <select
        aria-label="Cache-Control preset"
        value={kind}
        onChange={(e) => setKind(e.target.value as PresetKind)}
        data-testid="cache-preset"
      >
        <option value="no-cache">no-cache (always revalidate)</option>
        <option value="no-store">no-store (never cache)</option>
        <option value="max-age">max-age (cache for…)</option>
        <option value="immutable">immutable (never changes)</option>
      </select>
      {timed ? (
        <>
          <input
            aria-label="Duration"
            type="number"
            min={0}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="cache-duration"
            className="cache-duration"
          />
          <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as DurationUnit)} data-testid="cache-unit">
            {Object.keys(durationUnits).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {kind === 'max-age' ? (
        <input
          aria-label="s-maxage (seconds, for CDNs)"
          placeholder="s-maxage"
          value={shared}
          onChange={(e) => setShared(e.target.value)}
          className="cache-duration"
        />
      ) : null}
      <Button onClick={() => onPick(cacheControlFor(preset))} data-testid="cache-apply-preset">
        Use
      </Button>
    </div>
  );
}
