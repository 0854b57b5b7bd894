// `ga-ipv6 apply [FILE] [--yes]`: shows the plan, asks (or takes --yes: the consent to every purchase listed), then
// carries it out with progress lines. Ctrl-C stops after the call in flight and says what was done and what not.
// Exit 0 done (or nothing to do), 1 failed, cancelled or refused.
import type { Command } from 'commander';
import { apply, renderPlanText, renderReportText, PurchaseNotConfirmedError } from '../../workflows';
import { withAccessOptions, type AccessOptions } from '../cloudAccess';
import type { CliCommand } from '../command';
import { EXIT, errLine, outLine, printError, styleFor, type CliIo } from '../io';
import { progressPrinter } from '../progress';
import { runCommand } from '../runCommand';
import { makePlan } from './plan';

export interface ApplyArgs extends AccessOptions {
  file?: string;
  yes?: boolean;
}

export function runApply(args: ApplyArgs, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const style = styleFor(io);
    const made = await makePlan(args, io);
    if (!made) return EXIT.error;
    const { plan, services } = made;
    outLine(io, renderPlanText(plan, style));
    if (plan.operations.length === 0) return EXIT.ok;
    // Nothing to change, only resources still settling to wait for: nothing to ask about.
    const waitsOnly = plan.changes.length === 0;
    if (waitsOnly) outLine(io, `Waiting for ${plan.operations.length} resource${plan.operations.length === 1 ? '' : 's'} still being created or changed…`);
    if (!args.yes && !waitsOnly) {
      if (!io.ask) {
        printError(io, 'apply changes the account and may buy what is listed: it asks first, and there is no terminal to ask at. Review the plan (ga-ipv6 plan) and pass --yes.');
        return EXIT.error;
      }
      const buys = plan.purchases.length > 0 ? ` and buy the ${plan.purchases.length === 1 ? 'purchase' : `${plan.purchases.length} purchases`} listed` : '';
      const answer = await io.ask(`\n${style.bold(`Apply these changes${buys}?`)} Only 'yes' is accepted: `);
      if (answer.trim() !== 'yes') {
        outLine(io, 'Apply cancelled: nothing was changed.');
        return EXIT.error;
      }
    }
    const abort = new AbortController();
    let interrupts = 0;
    const stopListening = io.onInterrupt?.(() => {
      interrupts++;
      if (interrupts === 1) errLine(io, style.update('Cancelling: the call in flight finishes, nothing more is started… (Ctrl-C again to quit at once; the account may then be mid-change)'));
      abort.abort();
    });
    try {
      outLine(io);
      const report = await apply(plan, services, {
        signal: abort.signal,
        // --yes, or the 'yes' above, was the consent to the purchases the plan listed.
        confirmPurchase: async () => true,
        onProgress: progressPrinter((t) => outLine(io, t), style),
      });
      outLine(io);
      outLine(io, renderReportText(report, style));
      return report.ok ? EXIT.ok : EXIT.error;
    } catch (e) {
      if (e instanceof PurchaseNotConfirmedError) {
        printError(io, e.message);
        return EXIT.error;
      }
      throw e;
    } finally {
      stopListening?.();
    }
  });
}

export const applyCommand: CliCommand = {
  register(program: Command, run, io) {
    withAccessOptions(
      program
        .command('apply')
        .description('Carry out the plan of a ga.yaml; without --yes it shows the plan and asks first. Exit 0 done, 1 failed (what was done and what not is printed).')
        .argument('[FILE]', 'the ga.yaml to apply', 'ga.yaml')
        .option('--yes', 'apply without asking (consent to every purchase the plan lists)'),
    ).action((file: string, o: { yes?: boolean } & AccessOptions) => run(() => runApply({ file, yes: o.yes, profile: o.profile, endpoint: o.endpoint }, io)));
  },
};
