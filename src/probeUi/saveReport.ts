// "Save Probe Report…": the last finished probe's report, as the engine made it (plain JSON), to a file the
// person picks, which then opens in an editor. The context key lets the command palette offer the command only
// once there is a report.
import * as vscode from 'vscode';
import type { ProbeReport } from '../probe';

export const REPORT_AVAILABLE_CONTEXT = 'gaIpv6.probeReportAvailable';

export class LastProbeReport {
  private report: ProbeReport | undefined;

  get current(): ProbeReport | undefined {
    return this.report;
  }

  set(report: ProbeReport): void {
    this.report = report;
    void vscode.commands.executeCommand('setContext', REPORT_AVAILABLE_CONTEXT, true);
  }
}

/** Writes the report to `target`, or to where the person chooses; resolves with the file, undefined when cancelled. */
export async function saveProbeReport(last: LastProbeReport, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const report = last.current;
  if (!report) throw new Error('No probe has finished yet: run "Global Accelerator: Probe IPv6 Reachability…" (or "Probe over IPv6" on an item of the explorer) first.');
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: 'Save Probe Report',
    saveLabel: 'Save Report',
    defaultUri: defaultLocation(report),
    filters: { JSON: ['json'] },
  }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'));
  await vscode.window.showTextDocument(uri, { preview: false });
  vscode.window.setStatusBarMessage(`$(save) Saved the probe report (${report.verdict.status.toUpperCase()}) to ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}`, 5000);
  return uri;
}

function defaultLocation(report: ProbeReport): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `ipv6-probe-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
