// What package.json contributes, read at test time: other parts of the extension add commands and views all
// the time, and the tests must follow without being edited. No `vscode` import: the UI journeys use it too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}

export interface ViewContribution {
  id: string;
  name?: string;
  type?: string;
  /** A view with a when-clause may rightly be hidden. */
  when?: string;
  /** The view container (activity bar / panel id, or a built-in one like "explorer") it is declared under. */
  container: string;
}

export interface ViewContainerContribution {
  id: string;
  title: string;
  location: 'activitybar' | 'panel';
}

interface Manifest {
  publisher: string;
  name: string;
  contributes?: {
    commands?: CommandContribution[];
    views?: Record<string, Omit<ViewContribution, 'container'>[]>;
    viewsContainers?: Partial<Record<'activitybar' | 'panel', { id: string; title: string }[]>>;
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

/** Compiled into out/test/extension/, three levels below the project root. */
export const PROJECT_ROOT = join(__dirname, '..', '..', '..');

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** `<publisher>.<name>`, as vscode.extensions.getExtension wants it. */
export function extensionId(manifest = readManifest()): string {
  return `${manifest.publisher}.${manifest.name}`;
}

export function declaredCommands(manifest = readManifest()): CommandContribution[] {
  const nls = readNls();
  return (manifest.contributes?.commands ?? []).map((c) => ({
    ...c,
    title: localize(c.title, nls),
    category: c.category === undefined ? undefined : localize(c.category, nls),
  }));
}

/** Commands a person can find in the command palette (not hidden by `menus.commandPalette` with `when: false`). */
export function paletteCommands(manifest = readManifest()): CommandContribution[] {
  const hidden = new Set((manifest.contributes?.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  return declaredCommands(manifest).filter((c) => !hidden.has(c.command));
}

/** How the command palette labels a command: "Category: Title". */
export function paletteLabel(command: CommandContribution): string {
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

export function declaredViews(manifest = readManifest()): ViewContribution[] {
  const nls = readNls();
  return Object.entries(manifest.contributes?.views ?? {}).flatMap(([container, views]) =>
    views.map((v) => ({ ...v, name: v.name === undefined ? undefined : localize(v.name, nls), container })));
}

export function declaredViewContainers(manifest = readManifest()): ViewContainerContribution[] {
  const nls = readNls();
  const containers = manifest.contributes?.viewsContainers ?? {};
  return (['activitybar', 'panel'] as const).flatMap((location) =>
    (containers[location] ?? []).map((c) => ({ id: c.id, title: localize(c.title, nls), location })));
}

// Titles may be "%key%" references into package.nls.json.
function readNls(): Record<string, string> {
  const file = join(PROJECT_ROOT, 'package.nls.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

function localize(text: string, nls: Record<string, string>): string {
  const key = /^%(.+)%$/.exec(text)?.[1];
  return key !== undefined && nls[key] !== undefined ? nls[key] : text;
}
