// Seed step 4: point the service's name at GA, with an AAAA record (the area's IPv6 address) or a CNAME
// (the accelerator's DnsName).
import { DEFAULT_TTL, dnsHostProblems, dnsTtlProblems, dnsValueProblems, problem, recordFqdn, type Problem } from '../../model';
import { DNS_LANE } from '../operations';
import { newRunId } from '../runIdentity';
import { assertValid, type WorkflowStep } from '../step';
import { runSteps, stepOperations } from './runSteps';

export interface DnsRecordStepInput {
  domainName: string;
  rr: string;
  type: 'AAAA' | 'CNAME';
  value: string;
  ttl?: number;
  /** The zone's minimum TTL (DescribeDomainInfo), when known. */
  minTtl?: number;
}

export interface DnsRecordStepOutput {
  recordId: string;
  fqdn: string;
  /** False when the same record already existed. */
  written: boolean;
}

export const dnsRecordStep: WorkflowStep<DnsRecordStepInput, DnsRecordStepOutput> = {
  id: 'dns',
  title: 'Point your domain name at GA',

  validate(i) {
    const out: Problem[] = [];
    if (!i.domainName) out.push(problem('required', 'domainName', 'Choose the DNS zone (domain) that holds the name.'));
    if (i.rr === undefined) out.push(problem('required', 'rr', 'Enter the host: www, @ for the zone itself, or * for every name.'));
    else out.push(...dnsHostProblems(i.rr, 'rr'));
    if (i.type !== 'AAAA' && i.type !== 'CNAME') out.push(problem('enum', 'type', 'Choose the record type: AAAA (the IPv6 address) or CNAME (the accelerator\'s CNAME).'));
    if (i.value === undefined) out.push(problem('required', 'value', 'Enter the value: the IPv6 address (AAAA) or the CNAME that GA allocated.'));
    else if (i.type === 'AAAA' || i.type === 'CNAME') out.push(...dnsValueProblems(i.type, i.value, 'value'));
    out.push(...dnsTtlProblems(i.ttl ?? DEFAULT_TTL, i.minTtl, 'ttl'));
    return out;
  },

  async execute(i, ctx) {
    assertValid(dnsRecordStep, i);
    const fqdn = recordFqdn(i.rr, i.domainName);
    const ops = stepOperations(DNS_LANE, [
      {
        id: `${DNS_LANE}:add:${i.domainName}/${i.rr}/${i.type}`,
        title: `Adding ${i.type} ${fqdn} → ${i.value}`,
        address: `dns.${i.domainName}.${i.rr}.${i.type}`,
        type: 'addDnsRecord',
        zone: i.domainName,
        host: i.rr,
        recordType: i.type,
        value: { literal: i.value },
        ttl: i.ttl ?? DEFAULT_TTL,
      },
    ]);
    const [outcome] = (await runSteps(ops, ctx, ctx.runId ?? newRunId())).outcomes;
    return { recordId: outcome.resourceId ?? '', fqdn, written: !outcome.alreadyDone };
  },
};
