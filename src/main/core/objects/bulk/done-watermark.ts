/**
 * Where a job over an ordered stream of items can say it got to while items finish out of order
 * (they run in parallel): the last item before which every item is done. Items are added in the
 * stream's order and marked done in any order; `onPassed` is told each item's result in stream
 * order as the watermark passes it, so what a checkpoint counts is exactly what lies behind it.
 */
export class DoneWatermark<P, R> {
  private readonly pending: { position: P; result?: R }[] = [];
  private head = 0;
  private reached: P | undefined;

  constructor(private readonly onPassed: (position: P, result: R) => void) {}

  /** Adds the next item of the stream; `done` marks it and answers whether the watermark moved. */
  add(position: P): { done: (result: R) => boolean } {
    const slot: { position: P; result?: R } = { position };
    this.pending.push(slot);
    return {
      done: (result) => {
        slot.result = result;
        return this.advance();
      },
    };
  }

  /** The position of the last item up to which all are done; undefined until the first is. */
  get position(): P | undefined {
    return this.reached;
  }

  private advance(): boolean {
    let moved = false;
    for (let slot = this.pending[this.head]; slot && 'result' in slot; slot = this.pending[this.head]) {
      this.reached = slot.position;
      this.onPassed(slot.position, slot.result as R);
      this.head += 1;
      moved = true;
    }
    // Drop what is behind the head now and then, so a long job keeps a short array.
    if (this.head > 4096) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    return moved;
  }
}
