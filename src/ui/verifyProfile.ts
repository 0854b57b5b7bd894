// A profile is announced as active only once it has been seen to work: one cheap read (the GA regions the
// account can use: no resource is listed, nothing is changed) signed with its credentials at its endpoint.
// A failure keeps the previous profile active and says why, with the cloud layer's message (which says what
// to do: wrong secret, unknown AccessKey, unreachable endpoint…).
import * as vscode from 'vscode';
import { isCloudError } from '../cloud';
import type { Profile } from '../profiles/types';
import { errorMessage } from './commands';
import type { Session } from './session';

/** Long enough for a slow network; a profile that needs longer is not usable anyway. */
const VERIFY_TIMEOUT_MS = 20_000;

/** Undefined when the profile works; otherwise why not (and the API's error code, when it gave one). */
export async function verifyProfile(session: Session, profile: Profile): Promise<{ message: string; code?: string; category?: string } | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking profile "${profile.name}" with Global Accelerator…`, cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      const timer = setTimeout(() => abort.abort(), VERIFY_TIMEOUT_MS);
      try {
        await session.servicesFor(profile).ga.listAvailableBusiRegions(undefined, { signal: abort.signal });
        return undefined;
      } catch (e) {
        if (token.isCancellationRequested) return { message: 'The check was cancelled.' };
        return { message: errorMessage(e), ...(isCloudError(e) ? { code: e.code, category: e.category } : {}) };
      } finally {
        clearTimeout(timer);
        cancel.dispose();
      }
    },
  );
}

/**
 * Makes `profileId` active if it passes the check, keeping the roots the explorer shows (the sandbox's too);
 * otherwise leaves the active profile as it is and says why. Resolves with whether it is active now.
 */
export async function activateIfWorking(session: Session, profileId: string, what: string): Promise<boolean> {
  const profile = session.profiles.get(profileId);
  if (!profile) throw new Error(`Profile ${profileId} could not be read back after saving it; reload the profiles.`);
  const problem = await verifyProfile(session, profile);
  if (problem) {
    const previous = session.profiles.active();
    const stays = previous && previous.id !== profileId ? ` The active profile stays "${previous.name}".` : '';
    const fix = 'Fix Profile…';
    void vscode.window.showWarningMessage(`Profile "${profile.name}" was ${what} but did not work, so it was not made active: ${problem.message}${stays}`, fix).then(async (choice) => {
      if (choice === fix) await vscode.commands.executeCommand('gaIpv6.fixProfile', { profileId, kind: 'error', ...problem });
    });
    return false;
  }
  await session.profiles.setActive(profileId, { keepRoots: true });
  void vscode.window.showInformationMessage(`Profile "${profile.name}" was ${what} and works (it reached Global Accelerator); it is now the active profile.`);
  return true;
}
