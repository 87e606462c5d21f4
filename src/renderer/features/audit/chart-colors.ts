import { useEffect, useState } from 'react';

/** The theme's colours an ECharts chart is drawn with (it paints on a canvas, where CSS cannot reach). */
export interface ChartColors {
  text: string;
  muted: string;
  border: string;
  background: string;
  /** Series colours, in order: the accent first, then the roots' and states' own. */
  palette: string[];
}

const paletteTokens = ['--accent', '--private', '--public', '--success', '--danger', '--text-muted'];

/**
 * Each token as the browser resolves it now (tokens are `light-dark()` pairs, which only a real
 * `color` property resolves, so a probe element is styled with each and read back).
 */
function readChartColors(host: HTMLElement): ChartColors {
  const probe = document.createElement('span');
  probe.hidden = true;
  host.appendChild(probe);
  const resolve = (token: string) => {
    probe.style.color = `var(${token})`;
    return getComputedStyle(probe).color;
  };
  try {
    return {
      text: resolve('--text'),
      muted: resolve('--text-muted'),
      border: resolve('--border'),
      background: resolve('--bg'),
      palette: paletteTokens.map(resolve),
    };
  } finally {
    probe.remove();
  }
}

/**
 * The chart colours of the current theme, read again when it changes: the system scheme flips, or
 * Settings pins a theme (`data-theme` on the root element). Null until mounted.
 */
export function useChartColors(): ChartColors | null {
  const [colors, setColors] = useState<ChartColors | null>(null);
  useEffect(() => {
    const update = () => setColors(readChartColors(document.body));
    update();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', update);
    const pinned = new MutationObserver(update);
    pinned.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      scheme.removeEventListener('change', update);
      pinned.disconnect();
    };
  }, []);
  return colors;
}
