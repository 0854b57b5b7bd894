// Which live accelerator each accelerator of the file means (ga-yaml.md "Identity and ownership"): by name, or
// by `id:` when the file pins one. Two live instances with the file's name make the plan an error that lists
// them and suggests `id:`. Instances being deleted are not candidates: they are on their way out.
import { childPath, type AcceleratorConfig, type Problem } from '../../model';
import type { LiveAccelerator } from '../live/liveState';
import { PLAN_CODES } from './types';

export interface AcceleratorMatch {
  desired: AcceleratorConfig;
  /** Undefined: no live instance (it will be created, or is already gone). */
  live?: LiveAccelerator;
}

export function matchAccelerators(desired: readonly AcceleratorConfig[], live: readonly LiveAccelerator[]): { matches: AcceleratorMatch[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const claimedBy = new Map<string, string>();
  const matches: AcceleratorMatch[] = [];
  for (const d of desired) {
    const path = childPath('accelerators', d.name);
    let match: LiveAccelerator | undefined;
    if (d.id) {
      match = live.find((a) => a.id === d.id);
      if (!match && d.state !== 'absent') {
        problems.push({
          path: childPath(path, 'id'),
          severity: 'error',
          code: PLAN_CODES.idNotFound,
          message: `No accelerator ${d.id} in this account: the file pins accelerators.${d.name} to it with \`id:\`. Remove \`id:\` to create a new instance named ${d.name}, or correct the id.`,
        });
      }
      if (match?.state === 'deleting') match = undefined;
    } else {
      const named = live.filter((a) => a.name === d.name && a.state !== 'deleting');
      if (named.length > 1) {
        problems.push({
          path,
          severity: 'error',
          code: PLAN_CODES.ambiguousName,
          message: `${named.length} accelerators in this account are named ${d.name} (${named.map((a) => `${a.id}, ${a.state}`).join('; ')}): add \`id: ${named[0].id}\` (or another of them) under accelerators.${d.name} to say which one this file manages.`,
          fix: { kind: 'addKey', title: `Pin ${named[0].id}`, key: 'id', value: named[0].id },
        });
        matches.push({ desired: d });
        continue;
      }
      match = named[0];
    }
    if (match) {
      const other = claimedBy.get(match.id);
      if (other !== undefined) {
        problems.push({
          path,
          severity: 'error',
          code: PLAN_CODES.matchedTwice,
          message: `accelerators.${d.name} and accelerators.${other} both mean accelerator ${match.id}: one file entry per instance. Give one of them another name or \`id:\`.`,
        });
        matches.push({ desired: d });
        continue;
      }
      claimedBy.set(match.id, d.name);
    }
    matches.push({ desired: d, live: match });
  }
  return { matches, problems };
}
