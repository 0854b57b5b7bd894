// Which endpoints the data plane health-checks: a leaf module, so the lifecycle, endpoint groups and health
// modules can all ask without importing each other.
import type { EndpointConfiguration, EndpointGroup } from '../state';
import { isDocumentationIpv4, isIpv4 } from '../../model';

/**
 * What an endpoint the data plane does not check reports once its group is active: `abnormal` for a documentation
 * address under health checks (nothing answers there; the checks could never succeed), `normal` otherwise (checks
 * off, or not an IP address).
 */
export function uncheckedHealth(group: Pick<EndpointGroup, 'HealthCheckEnabled'>, endpoint: Pick<EndpointConfiguration, 'Endpoint'>): 'normal' | 'abnormal' {
  return group.HealthCheckEnabled && isDocumentationIpv4(endpoint.Endpoint) ? 'abnormal' : 'normal';
}

/** Whether the data plane checks this endpoint's health; the others report uncheckedHealth once their group is active. */
export function isHealthChecked(group: Pick<EndpointGroup, 'HealthCheckEnabled'>, endpoint: Pick<EndpointConfiguration, 'Endpoint'>): boolean {
  return group.HealthCheckEnabled && isIpv4(endpoint.Endpoint) && !isDocumentationIpv4(endpoint.Endpoint);
}
