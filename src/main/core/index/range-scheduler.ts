/**
 * Which key range a sync's listers take next. Ranges are in key order, so the keys a page returns
 * past the end of its range are the first keys of the next range: a lister that reaches the end
 * of its range goes on into the next one with the same continuation token, at no extra request,
 * while no other lister has taken it. Small ranges (a folder of ten keys) therefore cost nothing,
 * and a range never ends in a partial page unless another lister is already on the range after it.
 *
 * A lister that has nothing to follow takes a fresh start (one StartAfter request, whose page may
 * overlap the range before it): the longest run of ranges no one has taken, at its first range
 * when nothing lists into it, else at its middle, so the listers spread over the key space and
 * each run is split where it halves the work left. Pure and synchronous: claims happen between
 * awaits, so two listers never take one range.
 */
export class RangeScheduler {
  private readonly claimed: boolean[];
  private readonly followable: boolean[];
  /** The range each lister is in now (claimed and not finished): what "something lists into it" means. */
  private readonly active = new Set<number>();

  /**
   * One entry per range, by ordinal: `done`, finished by an earlier run of the sync; `started`,
   * part-listed by one (it goes on from its own position, so only a fresh start may take it).
   */
  constructor(ranges: readonly { done: boolean; started: boolean }[]) {
    this.claimed = ranges.map((r) => r.done);
    this.followable = ranges.map((r) => !r.done && !r.started);
  }

  /** Adds `count` ranges after the last (a range split while it was listed), none of them taken. */
  extend(count: number): void {
    for (let i = 0; i < count; i++) {
      this.claimed.push(false);
      this.followable.push(true);
    }
  }

  /** Claims a range to start on afresh, or undefined when every range is taken. */
  start(): number | undefined {
    let best: { first: number; length: number; fed: boolean } | undefined;
    let i = 0;
    while (i < this.claimed.length) {
      if (this.claimed[i]) {
        i += 1;
        continue;
      }
      const first = i;
      while (i < this.claimed.length && !this.claimed[i]) i += 1;
      const run = { first, length: i - first, fed: this.active.has(first - 1) };
      // Too short to split: the lister going into it gets there soon, and a start would cost a page cut short.
      if (run.fed && run.length < minFedRun) continue;
      // A run something lists into is half the work of one nothing does: its lister takes the first half.
      if (!best || weight(run) > weight(best)) best = run;
    }
    if (!best) return undefined;
    const at = best.fed ? best.first + Math.floor(best.length / 2) : best.first;
    return this.claim(at);
  }

  /**
   * The lister on `ordinal` has finished it: claims the range after it for that lister, if no one
   * has it and no earlier run left it part-listed; undefined when the lister stops here.
   */
  follow(ordinal: number): number | undefined {
    this.active.delete(ordinal);
    const next = ordinal + 1;
    if (next >= this.claimed.length || this.claimed[next] || !this.followable[next]) return undefined;
    return this.claim(next);
  }

  private claim(ordinal: number): number {
    this.claimed[ordinal] = true;
    this.active.add(ordinal);
    return ordinal;
  }
}

/** The fewest ranges ahead of a lister worth a second lister's start in the middle of them. */
const minFedRun = 3;

function weight(run: { length: number; fed: boolean }): number {
  return run.fed ? run.length / 2 : run.length;
}
