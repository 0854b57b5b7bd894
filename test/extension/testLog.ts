// Lines a test wants in the launcher's output (e.g. the measured activation time). The extension host's console
// is not the launcher's terminal, so notes travel in the results file; they are printed to the console too,
// for @vscode/test-electron runs.
const notes: string[] = [];

export function note(line: string): void {
  notes.push(line);
  console.log(line);
}

export function takeNotes(): string[] {
  return notes.splice(0);
}
