// Which endpoints the data plane health-checks: a leaf module, so the lifecycle, endpoint groups and health
// modules can all ask without importing each other.
import type { EndpointConfiguration, EndpointGroup } from '../state';
import { isDocumentationIpv4, isIpv4 } from '../../model';

/** Whether the data plane checks this endpoint's health; the others are `normal` once their group is active. */
export function isHealthChecked(group: Pick<EndpointGroup, 'HealthCheckEnabled'>, endpoint: Pick<EndpointConfiguration, 'Endpoint'>): boolean {
  return group.HealthCheckEnabled && isIpv4(endpoint.Endpoint) && !isDocumentationIpv4(endpoint.Endpoint);
}
