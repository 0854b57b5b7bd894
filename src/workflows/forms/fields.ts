// What a form is made of, as data: fields with their labels (the accessible names people and screen readers
// see), their choices, and the problems found in their values. Pure, imports only src/model: the webview
// bundles this folder and runs it on every keystroke, and the host runs it again before anything is executed.
import type { Problem } from '../../model';

export interface Choice {
  value: string;
  label: string;
  /** Shown beside the choice (capacity, what the option means). */
  description?: string;
}

export type FieldKind = 'text' | 'select' | 'checkbox';

export interface FieldSpec {
  /** The value's path in the form, in the problem path grammar (`purchase.instanceName`, `endpoints[0].weight`). */
  path: string;
  /** Exactly what the console (the seed walk-through) calls it: the field's accessible name. */
  label: string;
  kind: FieldKind;
  choices?: readonly Choice[];
  /** One line under the field: unit, valid range, what the value means. */
  help?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** A group of fields repeated per row (the endpoints of an endpoint group). */
export interface RowsSpec {
  path: string;
  /** The fields of one row; their paths are relative to the row (`address`, `weight`). */
  fields: readonly FieldSpec[];
  addLabel: string;
  removeLabel: string;
  min: number;
  max: number;
}

/** A titled part of a form: one of the seed's steps, or the whole of a per-resource form. */
export interface SectionSpec {
  id: string;
  title: string;
  /** What the step does, in the seed's words. */
  intro?: string;
  fields: readonly FieldSpec[];
  rows?: RowsSpec;
  /** Fields shown after the rows (rare; e.g. none today). */
}

/** A whole number typed into a text field; undefined for anything else (empty, 1.5, 1e3, " 2x"). */
export function parseWholeNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return undefined;
  return Number(t);
}

/** Collects problems while a form is checked, so later rules can skip a value that already has an error. */
export class ProblemList {
  readonly items: Problem[] = [];

  /** Adds the problems; true when any was added. */
  add(problems: readonly Problem[]): boolean {
    this.items.push(...problems);
    return problems.length > 0;
  }

  /** True when the path already has an error (later rules on the same value would only repeat it). */
  hasError(path: string): boolean {
    return this.items.some((p) => p.path === path && p.severity === 'error');
  }
}

/** The problems at one path (a field), errors first. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return problems.filter((p) => p.path === path).sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** Problems below a path (a section or a row), e.g. `endpoints[1]` → `endpoints[1].weight`. */
export function problemsUnder(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
}
