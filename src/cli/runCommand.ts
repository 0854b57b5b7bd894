// Every command's last line of defence: an error becomes `Error: …` and exit 1, never a stack trace. Cloud errors
// already say what to do (missing credentials, an unreachable endpoint, a permission); anything else is shown with
// its message.
import { isCloudError } from '../cloud';
import { CredentialsUnavailableError } from '../profiles';
import { CliUsageError } from './cloudAccess';
import { EXIT, printError, type CliIo } from './io';

export async function runCommand(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (isCloudError(e) || e instanceof CliUsageError || e instanceof CredentialsUnavailableError) printError(io, e.message);
    else printError(io, e instanceof Error ? e.message : String(e));
    return EXIT.error;
  }
}
