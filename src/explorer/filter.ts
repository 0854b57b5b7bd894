// "Filter by name or state": one text box, matched against what the accelerator row shows.
import type { AcceleratorSummary } from '../cloud';
import { describeState, isTransient } from '../model';

/** Words that select every accelerator in a changing state, whatever the exact state. */
const TRANSIENT_WORDS = ['transient', 'changing', 'busy'];

/**
 * True when `text` (case-insensitive) is part of the name or id, or names the state as the API spells it
 * (`init`) or as the tree shows it (`creating`); "transient" matches every changing state.
 */
export function matchesFilter(accelerator: AcceleratorSummary, text: string | undefined): boolean {
  const wanted = (text ?? '').trim().toLowerCase();
  if (wanted === '') return true;
  const state = accelerator.state;
  if (TRANSIENT_WORDS.includes(wanted)) return isTransient('accelerator', state);
  if (state !== undefined && (state.toLowerCase() === wanted || describeState(state).toLowerCase() === wanted)) return true;
  return [accelerator.name, accelerator.acceleratorId].some((v) => v !== undefined && v.toLowerCase().includes(wanted));
}
