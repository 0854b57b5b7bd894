// The bottom part of a terminal that is drawn again and again (the live probe table): each draw moves the cursor
// back over what the previous draw wrote and erases it. Lines longer than the terminal is wide wrap onto several
// rows, so rows are counted with the width; when the width changes the terminal re-wraps what is on screen, so
// the count is redone for the new width. A region taller than the terminal cannot be reached by moving the
// cursor up (the top rows have scrolled away), so then the whole terminal is cleared first: the region is all
// a probe terminal shows. Pure: it returns the text to write.

const ANSI = /\x1b\[[0-9;]*m/g;

export class LiveRegion {
  private lines: readonly string[] = [];

  /** @param width the terminal's columns; undefined until VS Code says (then no line is taken as wrapped). */
  constructor(private width?: number) {}

  /** The terminal's height; undefined until VS Code says (then the region is taken to fit). */
  private height: number | undefined;

  set columns(width: number | undefined) {
    this.width = width;
  }

  set rows(height: number | undefined) {
    this.height = height;
  }

  /** Text that replaces the previous draw with these lines (each ends with a line break). */
  draw(lines: readonly string[]): string {
    const rows = this.rowCount();
    this.lines = lines;
    const body = lines.map((line) => `${line}\r\n`).join('');
    // Cursor-up stops at the top of the screen: a region that filled it is replaced by clearing everything.
    if (this.height !== undefined && rows >= this.height) return `\x1b[H\x1b[2J\x1b[3J${body}`;
    return (rows > 0 ? `\x1b[${rows}A\r\x1b[J` : '') + body;
  }

  /** Later output goes below: the next draw starts a new region. */
  detach(): void {
    this.lines = [];
  }

  private rowCount(): number {
    return this.lines.reduce((n, line) => {
      const width = line.replace(ANSI, '').length;
      return n + (this.width && width > 0 ? Math.ceil(width / this.width) : 1);
    }, 0);
  }
}

/** Terminal text for a Pseudoterminal: every line break as CR LF. */
export function terminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
