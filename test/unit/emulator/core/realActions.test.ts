// The emulator serves exactly the wire spec's actions, every one of them a real action of the API, and the list of
// real actions beside the spec is the official clients' (src/cloud/ga/real-actions.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaModule } from '../../../../src/emulator/ga';
import { dnsModule } from '../../../../src/emulator/dns';
import { isRealAction, realActionNames } from '../../../../src/emulator/realActions';
import { productSpec } from '../../../../src/emulator/wireSpec';

test('every wire-spec action has a handler, every handler a wire-spec action, and all are real', () => {
  for (const module of [gaModule, dnsModule]) {
    const spec = Object.keys(productSpec(module.product).actions).sort();
    assert.deepEqual(Object.keys(module.handlers).sort(), spec, `${module.product}: handlers = wire spec actions`);
    const unreal = spec.filter((a) => !isRealAction(module.product, a));
    assert.deepEqual(unreal, [], `${module.product}: actions the API does not have`);
  }
  assert.ok(Object.prototype.hasOwnProperty.call(gaModule.handlers, 'DescribeAcceleratorServiceStatus'));
  assert.ok(Object.prototype.hasOwnProperty.call(gaModule.handlers, 'OpenAcceleratorService'));
});

test('the real action lists: the official clients\' names, and nothing that is not an action', () => {
  assert.equal(realActionNames('ga').length, 160);
  assert.equal(realActionNames('alidns').length, 261);
  for (const name of ['ListAcls', 'CreateBasicAccelerator', 'OpenAcceleratorService']) assert.ok(isRealAction('ga', name), name);
  for (const name of ['SetDomainRecordStatus', 'DescribeDomainNs']) assert.ok(isRealAction('alidns', name), name);
  for (const name of ['NoSuchAction', 'toString', '__proto__', 'constructor', 'ListAccelerator']) assert.equal(isRealAction('ga', name), false, name);
});
