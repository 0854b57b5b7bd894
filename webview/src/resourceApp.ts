// A per-resource form (Add Acceleration Area, Add Listener, …): the form half's sections, checked as you type,
// one submit button, and the change's progress. The explorer refreshes the affected node when it is done.
import type { InitMessage, PersistedState, RunState } from '../../src/forms/protocol';
import { errorsOf, type Problem } from '../../src/model';
import { dnsRecordValue, ENDPOINT_DEFAULTS, resourceForm, type ResourceFacts, type ResourceForm, type ResourceValues } from '../../src/workflows/forms';
import { button, textField, type ButtonHandle } from './components';
import { h } from './dom';
import { FormView } from './formView';
import { saveState, send } from './host';
import { fieldId } from './paths';
import { renderRun } from './runView';

type ResourceState = Exclude<PersistedState, { form: 'createGateway' }>;

export class ResourceApp {
  private readonly state: ResourceState;
  private readonly form: ResourceForm;
  private facts: ResourceFacts;
  private readonly view: FormView;
  private problems: Problem[] = [];
  private hostProblems: Problem[] = [];
  private readonly summary = h('div', { class: 'problem-summary', 'aria-live': 'polite' });
  private readonly runBox = h('section', { class: 'run', id: 'run' });
  private readonly valueField = textField({ id: fieldId('dns.value'), label: 'Value', value: '', readOnly: true });
  private submitButton!: ButtonHandle;

  constructor(
    private readonly root: HTMLElement,
    init: InitMessage,
    saved: PersistedState | undefined,
  ) {
    if (init.form === 'createGateway' || !init.target) throw new Error('not a per-resource form');
    this.form = resourceForm(init.form);
    this.facts = init.facts as ResourceFacts;
    const values = saved && saved.form === init.form ? saved.values : structuredClone(init.defaults as ResourceValues);
    this.state = { form: init.form, profileId: init.profileId, values, target: init.target, run: saved?.form === init.form ? saved.run : undefined };
    this.view = new FormView({ values, onChange: () => this.changed(), newRow: () => ({ ...ENDPOINT_DEFAULTS, address: '' }) });
    this.render(init);
    this.changed();
    if (this.state.run) this.showRun(this.state.run);
  }

  setFacts(facts: ResourceFacts): void {
    this.facts = facts;
    this.changed();
  }

  showHostProblems(problems: Problem[]): void {
    this.hostProblems = problems;
    this.refresh();
  }

  showRun(run: RunState | null): void {
    if (!run) {
      this.state.run = undefined;
      this.view.setAllDisabled(false);
      this.runBox.hidden = true;
      this.refresh();
      this.persist();
      return;
    }
    this.state.run = run;
    this.view.setAllDisabled(run.phase !== 'failed');
    renderRun(this.runBox, run, { cancel: () => send({ type: 'cancel' }), retry: () => undefined });
    this.refresh();
    this.persist();
  }

  private render(init: InitMessage): void {
    this.submitButton = button({ label: this.form.submitLabel, onClick: () => this.submit() });
    const sections = this.form.sections(this.state.values, this.facts);
    this.root.replaceChildren(
      h('h1', {}, init.title),
      h('p', { class: 'profile' }, `Profile: ${init.profileName}${this.facts.sandbox ? ' (the local sandbox)' : ''}.`),
      ...sections.map((s) => this.view.section(s, this.form.kind === 'addDnsRecord' ? { after: [this.valueField.root] } : {})),
      h('section', { class: 'form-section', 'aria-label': 'Submit' }, this.summary, h('div', { class: 'buttons' }, this.submitButton.element)),
      this.runBox,
    );
    this.runBox.hidden = true;
  }

  private changed(): void {
    this.hostProblems = [];
    this.problems = this.form.validate(this.state.values, this.facts);
    this.refresh();
    this.persist();
  }

  private refresh(): void {
    const problems = [...this.problems, ...this.hostProblems];
    this.view.update(this.form.sections(this.state.values, this.facts), problems);
    if (this.form.kind === 'addDnsRecord') this.valueField.setValue(dnsRecordValue(this.state.values.dns?.type ?? '', this.facts) ?? '(not allocated yet)');
    const errors = errorsOf(problems);
    this.summary.replaceChildren(errors.length
      ? h('p', { class: 'problem problem-error' }, `${this.form.submitLabel} is disabled: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix.`)
      : h('p', { class: 'ok' }, `Ready: ${this.form.describe(this.state.values, this.facts)}.`));
    const running = this.state.run?.phase === 'running' || this.state.run?.phase === 'done';
    this.submitButton.setDisabled(errors.length > 0 || running);
  }

  private submit(): void {
    if (errorsOf(this.problems).length > 0) return;
    send({ type: 'submit', values: this.state.values });
  }

  private persist(): void {
    saveState(this.state);
  }
}
