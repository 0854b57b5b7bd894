import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCreateAccelerator, checkUpdateAccelerator, type ValidationSettings } from '../../../src/cloud/gaValidation';

const API: ValidationSettings = { nameStrictness: 'api', allowNonPublicEndpoints: false };
const SEED: ValidationSettings = { nameStrictness: 'seed', allowNonPublicEndpoints: false };

test('checkUpdateAccelerator checks the new name with the update rule (dots allowed), unlike create', () => {
  assert.equal(checkUpdateAccelerator({ acceleratorId: 'ga-1', name: 'web.v6' }, API), undefined);
  assert.match(checkCreateAccelerator({ instanceChargeType: 'POSTPAY', name: 'web.v6' }, API) ?? '', /"\." is not allowed/);
  assert.match(checkUpdateAccelerator({ acceleratorId: 'ga-1', name: 'web/v6' }, API) ?? '', /Instance name .*"\/" is not allowed/);
  assert.match(checkUpdateAccelerator({ acceleratorId: 'ga-1', name: 'web.v6' }, SEED) ?? '', /"\." is not allowed/);
  assert.match(checkUpdateAccelerator({ acceleratorId: 'ga-1', description: 'https://x' }, API) ?? '', /http/);
  assert.equal(checkUpdateAccelerator({ acceleratorId: 'ga-1' }, API), undefined);
});
