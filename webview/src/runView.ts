// The live progress of a creation: one line per step with its state and what it is doing now, the outcome in a
// sentence, and the buttons that fit the phase (Cancel while running; Retry from this step after a failure).
import type { ProbeView, RunState, StepState } from '../../src/forms/protocol';
import { button, progressRing } from './components';
import { h } from './dom';

const STATE_WORDS: Record<StepState, string> = {
  pending: 'to do',
  running: 'in progress',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  skipped: 'nothing to do',
};

const STATE_ICONS: Record<StepState, string> = { pending: '○', running: '◐', done: '✔', failed: '✖', cancelled: '■', skipped: '–' };

export interface RunActions {
  cancel(): void;
  retry(): void;
}

export function renderRun(container: HTMLElement, run: RunState, actions: RunActions): void {
  const steps = h('ol', { class: 'run-steps', 'aria-label': 'Progress' }, ...run.steps.map((s) =>
    h('li', { class: `run-step run-${s.state}`, 'data-step': s.id },
      h('span', { class: 'run-icon', 'aria-hidden': 'true' }, STATE_ICONS[s.state]),
      ' ',
      h('span', { class: 'run-title' }, s.title),
      h('span', { class: 'run-state' }, ` — ${STATE_WORDS[s.state]}`),
      s.detail ? h('div', { class: 'run-detail' }, s.detail) : undefined,
      s.state === 'running' ? progressRing(`${s.title} in progress`) : undefined,
    ),
  ));
  const message = run.message ? h('p', { class: `run-message run-message-${run.phase}`, role: run.phase === 'failed' ? 'alert' : 'status' }, run.message) : undefined;
  const buttons = h('div', { class: 'buttons' });
  if (run.phase === 'running') buttons.append(button({ label: 'Cancel', appearance: 'secondary', onClick: actions.cancel }).element);
  if ((run.phase === 'failed' || run.phase === 'cancelled') && run.failedStep) {
    buttons.append(button({ label: 'Retry from this step', onClick: actions.retry }).element);
  }
  const heading = { running: 'Creating…', done: 'Created', failed: 'Stopped', cancelled: 'Cancelled' }[run.phase];
  const wasHidden = container.hidden;
  container.replaceChildren(h('h2', { id: 'run-title' }, heading), steps, message ?? '', buttons);
  container.setAttribute('aria-labelledby', 'run-title');
  container.hidden = false;
  // The progress appears below the form: bring it into view once, when it starts.
  if (wasHidden) container.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

export function renderProbe(container: HTMLElement, probe: ProbeView | undefined): void {
  if (!probe) {
    container.replaceChildren();
    return;
  }
  const words = { running: 'Probing over IPv6…', pass: 'Pass', warn: 'Warning', fail: 'Fail', cancelled: 'Cancelled' }[probe.status];
  container.replaceChildren(
    h('p', { class: `probe-verdict probe-${probe.status}`, role: 'status' }, h('strong', {}, `${words}: `), probe.reason),
    probe.lines.length ? h('pre', { class: 'probe-report', tabindex: '0', 'aria-label': 'Probe report' }, probe.lines.join('\n')) : '',
  );
}
