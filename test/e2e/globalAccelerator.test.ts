// First UI journeys: a person finds the extension in the workbench. Commands, titles and views come from
// package.json, so the journeys follow the extension as it grows.
import { test } from 'node:test';
import { declaredViewContainers, declaredViews, paletteCommands, paletteLabel } from '../extension/manifest';
import { journey } from './journey';
import { expectNoErrorsWithin, expectViewSection, openViewContainer, runFromCommandPalette } from './workbench';

/** The container the explorer contributes to the activity bar. */
const CONTAINER_TITLE = 'Global Accelerator';
/** Until package.json declares commands, the journey expects the one the explorer will have first. */
const EXPECTED_FIRST_COMMAND = { command: 'ga.refresh', title: 'Refresh', category: CONTAINER_TITLE };
/** How long to watch for an error dialog or notification after a command ran (see expectNoErrorsWithin). */
const COMMAND_ERROR_WATCH_MS = 2000;

test('runs a command of ours from the command palette', { timeout: 120_000 }, async () => {
  const declared = paletteCommands()[0];
  const label = paletteLabel(declared ?? EXPECTED_FIRST_COMMAND);
  await journey('command palette', async (page) => {
    try {
      await runFromCommandPalette(page, label);
    } catch (error) {
      if (declared) throw error;
      throw new Error(`package.json declares no commands yet (contributes.commands), so the journey looked for "${label}": ${(error as Error).message}`);
    }
    await expectNoErrorsWithin(page, COMMAND_ERROR_WATCH_MS, `running "${label}"`);
  });
});

test(`opens the ${CONTAINER_TITLE} views from the activity bar`, { timeout: 120_000 }, async () => {
  const container = declaredViewContainers().find((c) => c.location === 'activitybar' && c.title === CONTAINER_TITLE);
  await journey('activity bar views', async (page) => {
    if (!container) {
      throw new Error(`package.json declares no activity-bar view container titled "${CONTAINER_TITLE}" (contributes.viewsContainers.activitybar)`);
    }
    await openViewContainer(page, container.title);
    // A view with a when-clause may rightly be hidden at this point.
    const names = declaredViews().flatMap((v) => (v.container === container.id && v.when === undefined && v.name ? [v.name] : []));
    for (const name of names) await expectViewSection(page, name);
  });
});
