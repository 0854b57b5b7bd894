// Progress lines while apply runs, as Terraform prints them: a line when a step starts, "still waiting" every 10 s
// of waiting (and when what it waits for moves to another transient state), and when it ends, each prefixed with
// the accelerator (or "dns").
import type { OperationOutcome, ProgressEvent, Style } from '../workflows';
import { describeState } from '../model';

const STILL_WAITING_EVERY_MS = 10_000;
/** States a wait ends in: the step's own end line says so. */
const SETTLED = ['active', 'binded', 'gone'];

export function progressPrinter(write: (text: string) => void, style: Style, now: () => number = Date.now): (e: ProgressEvent) => void {
  const started = new Map<string, number>();
  const lastWait = new Map<string, { state?: string; at: number }>();
  const seconds = (id: string) => Math.round((now() - (started.get(id) ?? now())) / 1000);
  return (e) => {
    if (e.kind === 'start') {
      started.set(e.operation.id, now());
      write(`${style.bold(`${e.operation.lane}:`)} ${e.operation.title}…`);
      return;
    }
    if (e.kind === 'wait') {
      const last = lastWait.get(e.operation.id) ?? { state: e.wait.state, at: started.get(e.operation.id) ?? now() };
      const state = e.wait.state;
      lastWait.set(e.operation.id, last);
      const moved = state !== last.state && !SETTLED.includes(state ?? '');
      if (!moved && now() - last.at < STILL_WAITING_EVERY_MS) return;
      lastWait.set(e.operation.id, { state, at: now() });
      write(`${style.bold(`${e.operation.lane}:`)} ${style.dim(`still waiting for ${e.wait.resource}: ${state === 'gone' ? 'deleted' : describeState(state)} [${seconds(e.operation.id)}s elapsed]`)}`);
      return;
    }
    write(`${style.bold(`${e.outcome.operation.lane}:`)} ${outcomeText(e.outcome, style)}${started.has(e.outcome.operation.id) ? style.dim(` [${seconds(e.outcome.operation.id)}s]`) : ''}`);
  };
}

function outcomeText(o: OperationOutcome, style: Style): string {
  switch (o.status) {
    case 'done':
      return `${style.create('✔')} ${o.operation.title}${o.resourceId ? style.dim(` (${o.resourceId})`) : ''}${o.alreadyDone ? style.dim(' — already done, nothing sent') : ''}`;
    case 'failed':
      return `${style.destroy('✘')} ${o.operation.title}: ${o.message ?? 'failed'}`;
    case 'cancelled':
      return `${style.update('■')} ${o.operation.title}: ${o.message ?? 'cancelled'}`;
    case 'skipped':
      return `${style.dim('·')} ${o.operation.title}: ${o.message ?? 'not done'}`;
  }
}
