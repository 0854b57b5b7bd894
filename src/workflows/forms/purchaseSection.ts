// Step 1 after the guide: the instance and its basic bandwidth plan, as the buy page asks for them.
import {
  basicBandwidthProblems,
  BANDWIDTH_TYPES,
  nameProblems,
  planBandwidthProblems,
  problem,
  specName,
  specProblems,
  termProblems,
  type BandwidthType,
  type Problem,
} from '../../model';
import { bandwidthTypeChoices, parseTerm, specChoices, termChoices, termLabel, termValue, type Term } from './choices';
import { parseWholeNumber, ProblemList, type FieldSpec } from './fields';

export interface PurchaseValues {
  instanceName: string;
  /** One of termChoices(). */
  term: string;
  autoRenew: boolean;
  spec: string;
  bandwidthType: string;
  /** Mbit/s of the basic bandwidth plan, as typed. */
  peakBandwidth: string;
}

export const PURCHASE_DEFAULTS: PurchaseValues = {
  instanceName: 'web-ipv6',
  term: termValue({ billing: 'subscription', cycle: 'Month', duration: 1 }),
  autoRenew: false,
  spec: '1',
  bandwidthType: 'Enhanced',
  peakBandwidth: '2',
};

export function purchaseFields(prefix: string, values: PurchaseValues): FieldSpec[] {
  const payAsYouGo = parseTerm(values.term)?.billing === 'payAsYouGo';
  return [
    { path: `${prefix}.instanceName`, label: 'Instance Name', kind: 'text', help: '2–128 characters: letters, digits, _ and -, starting with a letter.' },
    { path: `${prefix}.term`, label: 'Term', kind: 'select', choices: termChoices() },
    { path: `${prefix}.autoRenew`, label: 'Auto-Renewal', kind: 'checkbox', disabled: payAsYouGo, help: 'Renew the subscription by one month when it ends.' },
    { path: `${prefix}.spec`, label: 'Specification', kind: 'select', choices: specChoices() },
    {
      path: `${prefix}.bandwidthType`,
      label: 'Bandwidth Type',
      kind: 'select',
      choices: bandwidthTypeChoices(),
      disabled: payAsYouGo,
      help: payAsYouGo ? 'Pay-as-you-go instances are billed by data transfer: no bandwidth plan.' : 'The basic bandwidth plan\'s type.',
    },
    { path: `${prefix}.peakBandwidth`, label: 'Peak Bandwidth', kind: 'text', disabled: payAsYouGo, help: 'Mbit/s of the basic bandwidth plan, 2–2000.' },
  ];
}

export interface PurchaseFacts {
  acceleratorNames: readonly string[];
  /** The guide's Server Area: a backend off Alibaba Cloud needs Enhanced. */
  backendOnAlibabaCloud?: boolean;
}

export function validatePurchase(prefix: string, v: PurchaseValues, facts: PurchaseFacts): Problem[] {
  const out = new ProblemList();
  const name = `${prefix}.instanceName`;
  if (!out.add(nameProblems('accelerator', v.instanceName, name)) && facts.acceleratorNames.includes(v.instanceName)) {
    out.add([problem('duplicateEntry', name, `An instance named "${v.instanceName}" already exists in this account; choose another name (Create never changes an existing instance).`)]);
  }
  const termPath = `${prefix}.term`;
  const term = parseTerm(v.term);
  if (!term) out.add([problem('enum', termPath, 'Choose a term: a subscription of 1 to 9 months or 1 to 3 years, or pay-as-you-go.')]);
  else if (term.billing === 'subscription') out.add(termProblems(term.cycle, term.duration, { cycle: termPath, duration: termPath }));
  out.add(specProblems(v.spec, `${prefix}.spec`));
  if (term?.billing !== 'payAsYouGo') {
    const typePath = `${prefix}.bandwidthType`;
    if (!(BANDWIDTH_TYPES as readonly string[]).includes(v.bandwidthType)) out.add([problem('enum', typePath, `Bandwidth Type must be one of ${BANDWIDTH_TYPES.join(', ')}.`)]);
    else if (facts.backendOnAlibabaCloud !== undefined) out.add(basicBandwidthProblems(v.bandwidthType, facts.backendOnAlibabaCloud, typePath));
    out.add(planBandwidthProblems(parseWholeNumber(v.peakBandwidth) ?? Number.NaN, `${prefix}.peakBandwidth`));
  }
  return out.items;
}

/** The plan's bandwidth when the term carries one (a subscription) and the value is a number. */
export function planBandwidthOf(v: PurchaseValues): number | undefined {
  return parseTerm(v.term)?.billing === 'subscription' ? parseWholeNumber(v.peakBandwidth) : undefined;
}

/** What will be bought, on what terms: the modal before Create lists exactly these lines. */
export interface PurchaseLines {
  title: string;
  lines: string[];
  /** Subscriptions cannot be deleted through the API once bought: they run until the term ends. */
  subscription: boolean;
}

export function purchaseLines(v: PurchaseValues, opts: { sandbox?: boolean } = {}): PurchaseLines {
  const term = parseTerm(v.term) ?? ({ billing: 'subscription', cycle: 'Month', duration: 1 } satisfies Term);
  const renew = term.billing === 'subscription' ? (v.autoRenew ? ', renewed automatically' : ', not renewed automatically') : '';
  const termWords = termLabel(term).toLowerCase();
  const lines = [`GA instance "${v.instanceName}": ${specName(v.spec)}, ${termWords}${renew}.`];
  if (term.billing === 'subscription') {
    lines.push(`Basic bandwidth plan: ${v.bandwidthType as BandwidthType}, ${v.peakBandwidth} Mbit/s, ${termWords}${renew}, bound to the instance.`);
    lines.push('Subscriptions are paid up front and cannot be deleted before the term ends.');
  } else {
    lines.push('Traffic is billed by data transfer (CDT): no bandwidth plan is bought.');
  }
  if (opts.sandbox) lines.push('This is the local sandbox: nothing is ordered from Alibaba Cloud and nothing costs money.');
  const plan = term.billing === 'subscription' ? ` and a ${v.peakBandwidth} Mbit/s ${v.bandwidthType} bandwidth plan` : '';
  return { title: `Buy GA instance "${v.instanceName}" (${specName(v.spec)})${plan}?`, lines, subscription: term.billing === 'subscription' };
}
