// A workflow run's identity. A caller that may run a workflow again (a form re-submitted after an error, a
// ga.yaml apply run twice) keeps one run id with the workflow and passes it on every run: what a paid step
// buys carries ClientTokens derived from it and a tag naming it, so a re-run finds and reuses what the earlier
// run bought instead of buying again.
import { randomUUID } from 'node:crypto';
import type { Tag } from '../cloud';

/** The tag key that marks resources a workflow run created; the value is the run id. */
export const RUN_TAG_KEY = 'ga-ipv6-run';

/** Letters, digits and dashes, at most 40 characters: fits a tag value and, with a prefix, a 64-character ClientToken. */
const RUN_ID = /^[A-Za-z0-9-]{1,40}$/;

export function newRunId(): string {
  return randomUUID();
}

/** Throws when `runId` could not be turned into tokens and tags unchanged. */
export function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId)) throw new Error(`A workflow run id is 1 to 40 letters, digits or dashes (a UUID); got "${runId}".`);
  return runId;
}

export function runTag(runId: string): Tag {
  return { key: RUN_TAG_KEY, value: checkRunId(runId) };
}
