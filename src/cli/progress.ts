/**
 * Progress for long work, on stderr, only when stderr is a terminal and the
 * work has taken over a second; erased when done. Piped output never sees it.
 * (The CLI edge may read the clock; engines never do.)
 */
export class Progress {
  private readonly start: number;
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.start < 1000 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    this.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
