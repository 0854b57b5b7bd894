// The bottom part of a terminal that is drawn again and again (the live probe table): each draw moves the cursor
// back over what the previous draw wrote and erases it. Lines longer than the terminal is wide wrap onto several
// rows, so rows are counted with the width. Pure: it returns the text to write.

const ANSI = /\x1b\[[0-9;]*m/g;

export class LiveRegion {
  private rows = 0;

  /** @param columns the terminal's width; undefined until VS Code says (then no line is taken as wrapped). */
  constructor(public columns?: number) {}

  /** Text that replaces the previous draw with these lines (each ends with a line break). */
  draw(lines: readonly string[]): string {
    const back = this.rows > 0 ? `\x1b[${this.rows}A\r\x1b[J` : '';
    this.rows = lines.reduce((n, line) => n + this.rowsOf(line), 0);
    return back + lines.map((line) => `${line}\r\n`).join('');
  }

  /** Later output goes below: the next draw starts a new region. */
  detach(): void {
    this.rows = 0;
  }

  private rowsOf(line: string): number {
    const width = line.replace(ANSI, '').length;
    if (!this.columns || width === 0) return 1;
    return Math.ceil(width / this.columns);
  }
}

/** Terminal text for a Pseudoterminal: every line break as CR LF. */
export function terminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
