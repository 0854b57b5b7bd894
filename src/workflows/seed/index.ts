// The seed walk-through (shared/seed/ga-ipv6-access-to-ipv4-services.txt) as steps: buy, add an IPv6 area,
// add a listener with its endpoint group, point DNS at GA. Verification is the probe engine (src/probe).
export { purchaseStep, type PurchaseInput, type PurchaseOutput } from './purchase';
export { areaStep, type AreaInput, type AreaOutput } from './area';
export { listenerStep, type ListenerInput, type ListenerOutput } from './listener';
export { dnsRecordStep, type DnsRecordStepInput, type DnsRecordStepOutput } from './dnsRecord';
