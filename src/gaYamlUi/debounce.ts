// One pending run per key (a document): scheduling again replaces the pending run, so only the last change of a
// burst of typing is validated. No vscode import.

export class KeyedDebouncer<K> {
  private readonly pending = new Map<K, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  schedule(key: K, run: () => void, delayMs = this.delayMs): void {
    this.cancel(key);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        run();
      }, delayMs),
    );
  }

  cancel(key: K): void {
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.delete(key);
  }

  has(key: K): boolean {
    return this.pending.has(key);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
