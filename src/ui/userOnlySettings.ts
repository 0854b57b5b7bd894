// Settings that decide where signed requests (or probes) go, or that lower a check, are the user's alone: a
// repository's .vscode/settings.json must never point a real profile's signed requests, with its AccessKey ID
// and STS token, at a host of the repository's choosing (docs/SECURITY.md). package.json gives them the
// application or machine scope, so VS Code already drops a workspace's flat `"gaIpv6.endpoints": …` entry; this
// reads only the user's value on top, because a nested entry (`"gaIpv6": {"endpoints": …}`) is not dropped by
// every VS Code version, and names once in the log each workspace value that was ignored.
import * as vscode from 'vscode';
import { USER_ONLY_SETTINGS } from '../model';

export class UserOnlySettings {
  private readonly named = new Set<string>();

  constructor(private readonly log: (line: string) => void) {}

  /**
   * The value of `section.key` as the extension should use it: for a user-only setting the user's own value
   * (or the default), whatever a workspace says; for any other setting VS Code's merged value.
   */
  read<T>(section: string, key: string): T | undefined {
    const fullKey = `${section}.${key}`;
    const config = vscode.workspace.getConfiguration(section);
    if (!USER_ONLY_SETTINGS.includes(fullKey)) return config.get<T>(key);
    const values = config.inspect<T>(key);
    if (!values) return undefined;
    const fromWorkspace = [values.workspaceValue, values.workspaceFolderValue, values.workspaceLanguageValue, values.workspaceFolderLanguageValue];
    if (fromWorkspace.some((v) => v !== undefined)) this.ignored(fullKey, 'the workspace settings');
    return values.globalValue ?? values.defaultValue;
  }

  /**
   * Looks through the workspace's settings files (each folder's .vscode/settings.json and the .code-workspace
   * file) for user-only settings: VS Code ignores them there without a word in our log, so we say it once.
   */
  async scanWorkspace(): Promise<void> {
    const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
    const workspaceFile = vscode.workspace.workspaceFile;
    if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push(workspaceFile);
    for (const file of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        continue; // no settings file: nothing to say
      }
      for (const fullKey of USER_ONLY_SETTINGS) {
        if (new RegExp(`"${fullKey.replace(/\./g, '\\.')}"\\s*:`).test(text)) this.ignored(fullKey, vscode.workspace.asRelativePath(file));
      }
    }
  }

  private ignored(fullKey: string, where: string): void {
    const id = `${fullKey}@${where}`;
    if (this.named.has(id)) return;
    this.named.add(id);
    this.log(
      `setting ${fullKey} in ${where} is ignored: it decides where requests go or which checks run, so only your user settings can set it ` +
        '(a workspace must not steer a profile\'s signed requests; see docs/SECURITY.md).',
    );
  }
}
