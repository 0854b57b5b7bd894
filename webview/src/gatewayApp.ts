// The "Create IPv6 Gateway" panel: the seed's five steps as sections, checked as you type by the form half
// (src/workflows/forms/gatewayForm.ts), then Create with live progress, Retry from this step, and at the end the
// address with copy buttons, a probe, Reveal in Explorer and Save as ga.yaml.
import type { InitMessage, PersistedState, RunState } from '../../src/forms/protocol';
import { errorsOf, type Problem } from '../../src/model';
import {
  applyRecommendation,
  ENDPOINT_DEFAULTS,
  gatewayPurchase,
  gatewaySections,
  GATEWAY_STEPS,
  recommendServices,
  recordTarget,
  reviewLines,
  stepOfPath,
  validateGateway,
  type AccountFacts,
  type GatewayValues,
  type Recommendation,
} from '../../src/workflows/forms';
import { button, textField, type ButtonHandle } from './components';
import { h, list } from './dom';
import { FormView } from './formView';
import { saveState, send } from './host';
import { fieldId } from './paths';
import { renderProbe, renderRun } from './runView';

type GatewayState = Extract<PersistedState, { form: 'createGateway' }>;

export class GatewayApp {
  private readonly state: GatewayState;
  private facts: AccountFacts;
  private readonly view: FormView;
  private problems: Problem[] = [];
  private hostProblems: Problem[] = [];
  private readonly review = h('div', { class: 'review' });
  private readonly summary = h('div', { class: 'problem-summary', 'aria-live': 'polite' });
  private readonly recommendationBox = h('div', { class: 'recommendation', 'aria-live': 'polite' });
  private readonly runBox = h('section', { class: 'run', id: 'run' });
  private readonly resultBox = h('section', { class: 'result', id: 'result' });
  private readonly probeBox = h('div', { class: 'probe', 'aria-live': 'polite' });
  private readonly valueField = textField({ id: fieldId('dns.value'), label: 'Value', value: '', readOnly: true });
  private create!: ButtonHandle;
  private saveYaml!: ButtonHandle;

  constructor(
    private readonly root: HTMLElement,
    init: InitMessage,
    saved: PersistedState | undefined,
  ) {
    this.facts = init.facts as AccountFacts;
    const values = saved?.form === 'createGateway' ? saved.values : structuredClone(init.defaults as GatewayValues);
    this.state = { form: 'createGateway', profileId: init.profileId, values, recommendation: saved?.form === 'createGateway' ? saved.recommendation : undefined, run: saved?.run, probe: saved?.probe };
    this.view = new FormView({ values, onChange: () => this.changed(), newRow: () => ({ ...ENDPOINT_DEFAULTS, address: '' }) });
    this.render(init);
    this.changed();
    if (this.state.run) this.showRun(this.state.run);
  }

  setFacts(facts: AccountFacts): void {
    this.facts = facts;
    this.changed();
  }

  showHostProblems(problems: Problem[]): void {
    this.hostProblems = problems;
    this.refresh();
    const first = errorsOf(problems)[0];
    if (first) this.view.focus(first.path);
  }

  showRun(run: RunState | null): void {
    if (!run) {
      // Back to editing: nothing was created (e.g. the purchase was declined).
      this.state.run = undefined;
      this.view.setAllDisabled(false);
      this.runBox.hidden = true;
      this.resultBox.hidden = true;
      this.refresh();
      this.persist();
      return;
    }
    this.state.run = run;
    this.view.setAllDisabled(true);
    renderRun(this.runBox, run, { cancel: () => send({ type: 'cancel' }), retry: () => run.failedStep && send({ type: 'retry', step: run.failedStep }) });
    this.create.setDisabled(true);
    this.renderResult();
    this.persist();
  }

  showProbe(probe: GatewayState['probe']): void {
    this.state.probe = probe;
    renderProbe(this.probeBox, probe);
    this.persist();
  }

  private get values(): GatewayValues {
    return this.state.values;
  }

  private render(init: InitMessage): void {
    const sections = gatewaySections(this.values, this.facts);
    const generate = button({ label: 'Generate Service List', appearance: 'secondary', onClick: () => this.generate() });
    this.create = button({ label: 'Create', onClick: () => this.submit() });
    this.saveYaml = button({ label: 'Save as ga.yaml', appearance: 'secondary', onClick: () => send({ type: 'saveYaml', values: this.values }) });
    const profile = this.facts.sandbox
      ? `Profile: ${init.profileName}. The local sandbox: nothing is ordered from Alibaba Cloud and nothing costs money.`
      : `Profile: ${init.profileName}. Create orders from Alibaba Cloud after you confirm what will be bought.`;
    const [purchase, area, listener, dns] = sections;
    const guideCount = 6;
    const purchaseEl = this.view.section(purchase, {
      between: { afterField: guideCount, nodes: [h('div', { class: 'buttons' }, generate.element), this.recommendationBox, h('h3', {}, 'Buy')] },
    });
    this.root.replaceChildren(
      h('h1', {}, init.title),
      h('p', { class: 'profile' }, profile),
      purchaseEl,
      this.view.section(area),
      this.view.section(listener),
      this.view.section(dns, { after: [this.valueField.root] }),
      h('section', { class: 'form-section', id: 'section-verify', 'aria-labelledby': 'section-verify-title' },
        h('h2', { id: 'section-verify-title' }, GATEWAY_STEPS[4].title),
        h('p', { class: 'intro' }, 'Everything below will be created, in this order. Create asks you to confirm what will be bought first.'),
        this.review,
        this.summary,
        h('div', { class: 'buttons' }, this.create.element, this.saveYaml.element),
      ),
      this.runBox,
      this.resultBox,
    );
    this.runBox.hidden = true;
    this.resultBox.hidden = true;
    if (this.state.recommendation) this.showRecommendation(this.state.recommendation);
  }

  private changed(): void {
    this.hostProblems = [];
    this.problems = validateGateway(this.values, this.facts);
    this.refresh();
    this.persist();
  }

  private refresh(): void {
    const problems = [...this.problems, ...this.hostProblems];
    this.view.update(gatewaySections(this.values, this.facts), problems);
    const target = recordTarget(this.values);
    this.valueField.setValue(this.values.dns.zone === '' ? '(no DNS record)' : target.description);
    const errors = errorsOf(problems);
    const purchase = gatewayPurchase(this.values, { sandbox: this.facts.sandbox, payAsYouGo: this.facts.payAsYouGo });
    this.review.replaceChildren(
      h('h3', {}, 'Will be created'),
      list(reviewLines(this.values, this.facts), { 'aria-label': 'Will be created' }),
      h('h3', {}, 'Will be bought'),
      list(purchase.lines, { 'aria-label': 'Will be bought' }),
    );
    if (errors.length === 0) {
      this.summary.replaceChildren(h('p', { class: 'ok' }, 'No problems: ready to create.'));
    } else {
      const steps = [...new Set(errors.map((e) => stepOfPath(e.path)))].map((id) => GATEWAY_STEPS.find((s) => s.id === id)?.title ?? id);
      this.summary.replaceChildren(
        h('p', { class: 'problem problem-error' }, `Create is disabled: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix in ${steps.join(', ')}.`),
        list(errors.slice(0, 5).map((e) => e.message)),
      );
    }
    // Once Create was pressed, only "Retry from this step" goes on: a second Create could buy twice.
    this.create.setDisabled(errors.length > 0 || this.state.run !== undefined);
    this.saveYaml.setDisabled(errors.length > 0);
  }

  private generate(): void {
    const result = recommendServices(this.values.guide, this.facts.regions);
    if (!result.ok) {
      this.recommendationBox.replaceChildren(h('p', { class: 'problem problem-error' }, 'Fix the fields above first: ' + result.problems.map((p) => p.message).join(' ')));
      this.view.focus(result.problems[0].path);
      return;
    }
    const next = applyRecommendation(this.values, result.recommendation);
    for (const path of ['purchase.spec', 'purchase.bandwidthType', 'purchase.peakBandwidth', 'area.region', 'area.bandwidth', 'endpointGroup.region']) {
      const [a, b] = path.split('.') as [keyof GatewayValues, string];
      this.view.setValue(path, (next[a] as unknown as Record<string, string>)[b]);
    }
    this.state.recommendation = result.recommendation;
    this.showRecommendation(result.recommendation);
    this.changed();
  }

  private showRecommendation(r: Recommendation): void {
    this.recommendationBox.replaceChildren(
      h('h3', {}, 'Recommended Service List'),
      h('p', {}, `${r.specName} instance, ${r.bandwidthType} basic bandwidth plan of ${r.peakBandwidth} Mbit/s. These values are filled in below; you can still change them.`),
      list(r.reasons),
    );
  }

  private submit(): void {
    if (errorsOf(this.problems).length > 0) return;
    send({ type: 'create', values: this.values });
  }

  private renderResult(): void {
    const r = this.state.run?.result;
    if (!r || this.state.run?.phase !== 'done') {
      this.resultBox.hidden = true;
      return;
    }
    const rows: HTMLElement[] = [];
    const copyRow = (label: string, value: string | undefined, what: 'ipv6Address' | 'cname' | 'fqdn', copyLabel: string) => {
      if (!value) return;
      rows.push(h('div', { class: 'result-row' },
        h('span', { class: 'result-label' }, `${label}: `),
        h('code', { class: 'result-value', 'data-what': what }, value),
        ' ',
        button({ label: copyLabel, appearance: 'secondary', onClick: () => send({ type: 'copy', what }) }).element,
      ));
    };
    copyRow('IPv6 address', r.ipv6Address, 'ipv6Address', 'Copy IPv6 Address');
    copyRow('CNAME', r.cname, 'cname', 'Copy CNAME');
    copyRow('DNS name', r.fqdn, 'fqdn', 'Copy DNS Name');
    this.resultBox.replaceChildren(
      h('h2', { id: 'result-title' }, `IPv6 gateway "${r.acceleratorName}" is ready`),
      ...rows,
      h('div', { class: 'buttons' },
        button({ label: 'Probe over IPv6', onClick: () => send({ type: 'probe' }) }).element,
        button({ label: 'Reveal in Explorer', appearance: 'secondary', onClick: () => send({ type: 'reveal' }) }).element,
        button({ label: 'Save as ga.yaml', appearance: 'secondary', onClick: () => send({ type: 'saveYaml', values: this.values }) }).element,
      ),
      this.probeBox,
    );
    this.resultBox.setAttribute('aria-labelledby', 'result-title');
    const first = this.resultBox.hidden;
    this.resultBox.hidden = false;
    if (first) this.resultBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
    renderProbe(this.probeBox, this.state.probe);
  }

  private persist(): void {
    saveState(this.state);
  }
}
