// The extension loads in a real VS Code and everything package.json promises exists: every declared command is
// registered, every view and view container opens. The lists are read from package.json when the suite loads,
// so commands and views added later are covered without editing this file.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { declaredCommands, declaredViewContainers, declaredViews, extensionId } from './manifest';
import { note } from './testLog';

describe('extension activation', () => {
  const id = extensionId();
  let extension: vscode.Extension<unknown>;
  let registered: Set<string>;

  before(async () => {
    const found = vscode.extensions.getExtension(id);
    assert.ok(found, `VS Code has no extension ${id}: the launcher must load the project folder (extensionDevelopmentPath)`);
    extension = found;
    const wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    // Recorded, not asserted: the number only means something across runs on the same machine.
    note(wasActive
      ? `activation: ${id} was already active when the suite started`
      : `activation: ${id} activated in ${(performance.now() - started).toFixed(0)} ms`);
    registered = new Set(await vscode.commands.getCommands(true));
  });

  it('is active after activate()', () => {
    assert.equal(extension.isActive, true);
  });

  describe('registers every command declared in package.json', () => {
    for (const { command } of declaredCommands()) {
      it(command, () => {
        assert.ok(registered.has(command),
          `${command} is declared in package.json contributes.commands but no command of that id is registered `
          + 'after activation: register it in activate() (vscode.commands.registerCommand) or remove the declaration');
      });
    }
  });

  describe('opens every view container declared in package.json', () => {
    for (const container of declaredViewContainers()) {
      it(`${container.id} (${container.location}, "${container.title}")`, async () => {
        await vscode.commands.executeCommand(`workbench.view.extension.${container.id}`);
      });
    }
  });

  describe('focuses every view declared in package.json', () => {
    for (const view of declaredViews()) {
      it(`${view.id} (in ${view.container})`, async () => {
        await vscode.commands.executeCommand(`${view.id}.focus`);
      });
    }
  });
});
