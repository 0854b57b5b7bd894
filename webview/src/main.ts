// Entry of the form panels' bundle (dist/webview/forms.js). The host writes the page (src/forms/webviewHtml.ts);
// this script asks it for the form (ready → init), draws it, and follows its messages. State kept with
// setState survives hiding the panel and reloading the window.
import type { HostMessage, InitMessage } from '../../src/forms/protocol';
import type { AccountFacts, ResourceFacts } from '../../src/workflows/forms';
import { registerComponents } from './components';
import { GatewayApp } from './gatewayApp';
import { loadState, onMessage, send } from './host';
import { ResourceApp } from './resourceApp';

registerComponents();
const root = document.getElementById('app') as HTMLElement;
let app: GatewayApp | ResourceApp | undefined;

function start(init: InitMessage): void {
  const saved = loadState();
  app = init.form === 'createGateway' ? new GatewayApp(root, init, saved) : new ResourceApp(root, init, saved);
  root.setAttribute('aria-busy', 'false');
  // For the host's first-paint measurement: the form is on screen once this frame is drawn.
  requestAnimationFrame(() => {
    document.body.setAttribute('data-painted', 'true');
    send({ type: 'painted' });
  });
}

onMessage((message: HostMessage) => {
  switch (message.type) {
    case 'init':
      if (!app) start(message);
      return;
    case 'facts':
      if (app instanceof GatewayApp) app.setFacts(message.facts as AccountFacts);
      else app?.setFacts(message.facts as ResourceFacts);
      return;
    case 'hostProblems':
      app?.showHostProblems(message.problems);
      return;
    case 'run':
      app?.showRun(message.run);
      return;
    case 'probe':
      if (app instanceof GatewayApp) app.showProbe(message.probe);
      return;
    case 'notice':
      showNotice(message.severity, message.message);
      return;
  }
});

function showNotice(severity: string, text: string): void {
  const box = document.getElementById('notice');
  if (!box) return;
  box.className = `notice notice-${severity}`;
  box.textContent = text;
  box.hidden = false;
}

send({ type: 'ready' });
