// Seed step 4: point the service's name at GA, with an AAAA record (the area's IPv6 address) or a CNAME
// (the accelerator's DnsName).
import { checkRecord, DEFAULT_TTL, recordFqdn } from '../../model';
import { problems, StepInputError, type WorkflowStep } from '../step';

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
    return problems({
      domainName: i.domainName ? undefined : 'Choose the DNS zone (domain) that holds the name.',
      record:
        i.rr === undefined || i.type === undefined || i.value === undefined
          ? 'Enter the host (www, @ or *), the type and the value.'
          : checkRecord({ rr: i.rr, type: i.type, value: i.value, ttl: i.ttl ?? DEFAULT_TTL }, { minTtl: i.minTtl }),
    });
  },

  async execute(i, ctx) {
    const found = dnsRecordStep.validate(i);
    if (Object.keys(found).length) throw new StepInputError('dns', found);
    ctx.onProgress?.(`Adding ${i.type} ${recordFqdn(i.rr, i.domainName)} → ${i.value}…`);
    const r = await ctx.dns.addDomainRecord(i.domainName, { rr: i.rr, type: i.type, value: i.value, ttl: i.ttl ?? DEFAULT_TTL }, { signal: ctx.signal });
    return { recordId: r.recordId, fqdn: recordFqdn(i.rr, i.domainName), written: r.written };
  },
};
