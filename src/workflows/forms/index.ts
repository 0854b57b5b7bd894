// The form halves of guided creation: pure (only src/model), bundled into the webview and run again by the host.
export * from './fields';
export * from './choices';
export * from './facts';
export * from './purchaseGuide';
export * from './purchaseSection';
export * from './areaSection';
export * from './listenerSection';
export * from './dnsSection';
export * from './gatewayForm';
export * from './resourceForms';
export * from './resourceChange';
