// Everything heavy from the Alibaba Cloud SDKs, behind one module that is required on first cloud use.
// The extension bundle keeps `require('./sdkModules')` as a runtime require of dist/sdk.js (scripts/build.mjs),
// so activation never parses the ~2 MB of SDK code.
export { default as GaClient } from './ga/client';
export { default as AlidnsClient } from '@alicloud/alidns20150109';
export * as $Alidns from '@alicloud/alidns20150109';
export { OpenApiUtil, $OpenApiUtil } from '@alicloud/openapi-core';
export * as $dara from '@darabonba/typescript';
export { default as Credential, Config as CredentialConfig } from '@alicloud/credentials';
