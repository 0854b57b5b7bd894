// Links into the Alibaba Cloud console. The exact deep-link formats are not in our API reference (ga-api.md
// covers the API only): these follow the console's URLs as seen in the browser, and land on the instance's page
// (GA) or the zone's record list (DNS); listeners, areas and endpoint groups are tabs of the instance's page.

/** The GA console is global; ap-southeast-1 is the region segment its instance pages use. */
const GA_CONSOLE = 'https://ga.console.aliyun.com/accelerate/ap-southeast-1/details';
const DNS_CONSOLE = 'https://dns.console.aliyun.com/#/dns/setting';

export function acceleratorConsoleUrl(acceleratorId: string): string {
  return `${GA_CONSOLE}/${encodeURIComponent(acceleratorId)}`;
}

export function dnsZoneConsoleUrl(domainName: string): string {
  return `${DNS_CONSOLE}/${encodeURIComponent(domainName)}`;
}
