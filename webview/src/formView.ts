// Draws the sections of a form half (src/workflows/forms) with the components module, keeps the values object
// in step with the controls, and shows each problem next to its field. It never re-creates a control while the
// person types (focus and caret stay put): choices, disabled states and messages are updated in place.
import type { Problem } from '../../src/model';
import type { FieldSpec, RowsSpec, SectionSpec } from '../../src/workflows/forms';
import { button, checkbox, dropdown, textField, type ChoiceItem, type Control } from './components';
import { fieldId, getAt, setAt } from './paths';

interface FieldEntry {
  spec: FieldSpec;
  control: Control & { setChoices?(choices: readonly ChoiceItem[]): void };
  problems: HTMLElement;
  help?: HTMLElement;
  choicesKey: string;
}

export interface FormViewOptions {
  values: object;
  /** Called after a value changed (typed, picked, a row added or removed). */
  onChange: (path: string) => void;
  /** A new endpoint row's values, per rows path. */
  newRow: (rowsPath: string) => object;
}

export class FormView {
  private readonly fields = new Map<string, FieldEntry>();
  private readonly rowsViews = new Map<string, { spec: RowsSpec; container: HTMLElement; problems: HTMLElement; add: ReturnType<typeof button> }>();
  private disabledAll = false;

  constructor(private readonly options: FormViewOptions) {}

  /** A `<section>` with a heading, an intro, the fields and the rows. */
  section(spec: SectionSpec, extra: { before?: HTMLElement[]; after?: HTMLElement[]; between?: { afterField: number; nodes: HTMLElement[] } } = {}): HTMLElement {
    const section = document.createElement('section');
    section.className = 'form-section';
    section.id = `section-${spec.id}`;
    const heading = document.createElement('h2');
    heading.id = `section-${spec.id}-title`;
    heading.textContent = spec.title;
    section.setAttribute('aria-labelledby', heading.id);
    section.append(heading);
    if (spec.intro) {
      const p = document.createElement('p');
      p.className = 'intro';
      p.textContent = spec.intro;
      section.append(p);
    }
    section.append(...(extra.before ?? []));
    const split = extra.between?.afterField ?? spec.fields.length;
    const grid = (fields: readonly FieldSpec[]) => {
      const g = document.createElement('div');
      g.className = 'fields';
      for (const f of fields) g.append(this.field(f));
      return g;
    };
    section.append(grid(spec.fields.slice(0, split)), ...(extra.between?.nodes ?? []));
    if (split < spec.fields.length) section.append(grid(spec.fields.slice(split)));
    if (spec.rows) section.append(this.rows(spec.rows));
    section.append(...(extra.after ?? []));
    return section;
  }

  /** Brings choices, disabled states and messages up to date with new specs (same paths) and problems. */
  update(sections: readonly SectionSpec[], problems: readonly Problem[]): void {
    for (const s of sections) {
      for (const f of s.fields) this.refreshSpec(f);
      if (s.rows) {
        const view = this.rowsViews.get(s.rows.path);
        const rows = (getAt(this.options.values, s.rows.path) as unknown[] | undefined) ?? [];
        rows.forEach((_, i) => s.rows?.fields.forEach((f) => this.refreshSpec({ ...f, path: `${s.rows?.path}[${i}].${f.path}` })));
        view?.add.setDisabled(this.disabledAll || rows.length >= s.rows.max);
      }
    }
    for (const entry of this.fields.values()) this.showProblems(entry.problems, problems.filter((p) => p.path === entry.spec.path), entry);
    for (const [path, view] of this.rowsViews) this.showProblems(view.problems, problems.filter((p) => p.path === path));
  }

  /** Every control disabled (while creating, and after), or enabled again. */
  setAllDisabled(disabled: boolean): void {
    this.disabledAll = disabled;
    for (const e of this.fields.values()) e.control.setDisabled(disabled || Boolean(e.spec.disabled));
    for (const v of this.rowsViews.values()) {
      v.add.setDisabled(disabled);
      v.container.querySelectorAll<HTMLElement>('.row-remove').forEach((b) => ((b as HTMLElement & { disabled: boolean }).disabled = disabled));
    }
  }

  /** Sets a value from outside (the purchase guide's recommendation) and shows it in its control. */
  setValue(path: string, value: string | boolean): void {
    setAt(this.options.values, path, value);
    this.fields.get(path)?.control.setValue(value);
  }

  focus(path: string): void {
    this.fields.get(path)?.control.focusTarget.focus();
  }

  private field(spec: FieldSpec): HTMLElement {
    const id = fieldId(spec.path);
    const value = getAt(this.options.values, spec.path);
    const changed = (v: string | boolean) => {
      setAt(this.options.values, spec.path, v);
      this.options.onChange(spec.path);
    };
    let control: FieldEntry['control'];
    if (spec.kind === 'checkbox') control = checkbox({ id, label: spec.label, checked: value === true, onChange: changed });
    else if (spec.kind === 'select') control = dropdown({ id, label: spec.label, value: String(value ?? ''), choices: spec.choices ?? [], onChange: changed });
    else control = textField({ id, label: spec.label, value: String(value ?? ''), placeholder: spec.placeholder, onInput: changed });
    const problems = document.createElement('div');
    problems.className = 'problems';
    problems.id = `${id}-problems`;
    let help: HTMLElement | undefined;
    if (spec.help || spec.choices?.some((c) => c.description)) {
      help = document.createElement('div');
      help.className = 'help';
      help.id = `${id}-help`;
      help.textContent = helpText(spec, value);
      control.root.append(help);
    }
    control.root.append(problems);
    control.describeBy([...(help ? [help.id] : []), problems.id]);
    control.setDisabled(this.disabledAll || Boolean(spec.disabled));
    this.fields.set(spec.path, { spec, control, problems, help, choicesKey: choicesKey(spec) });
    return control.root;
  }

  private refreshSpec(spec: FieldSpec): void {
    const entry = this.fields.get(spec.path);
    if (!entry) return;
    const key = choicesKey(spec);
    if (key !== entry.choicesKey && entry.control.setChoices) {
      entry.control.setChoices(spec.choices ?? []);
      entry.choicesKey = key;
    }
    const help = helpText(spec, getAt(this.options.values, spec.path));
    if (entry.help && entry.help.textContent !== help) entry.help.textContent = help;
    entry.spec = spec;
    entry.control.setDisabled(this.disabledAll || Boolean(spec.disabled));
  }

  private rows(spec: RowsSpec): HTMLElement {
    const wrap = document.createElement('div');
    wrap.className = 'rows';
    const heading = document.createElement('h3');
    heading.textContent = 'Endpoints';
    const container = document.createElement('div');
    container.className = 'rows-list';
    const problems = document.createElement('div');
    problems.className = 'problems';
    problems.id = `${fieldId(spec.path)}-problems`;
    const add = button({
      label: spec.addLabel,
      appearance: 'secondary',
      onClick: () => {
        const list = getAt(this.options.values, spec.path) as object[];
        if (list.length >= spec.max) return;
        list.push(this.options.newRow(spec.path));
        this.drawRows(spec, container);
        this.options.onChange(spec.path);
        this.focus(`${spec.path}[${list.length - 1}].${(spec.fields.find((f) => f.kind === 'text') ?? spec.fields[0]).path}`);
      },
    });
    this.rowsViews.set(spec.path, { spec, container, problems, add });
    this.drawRows(spec, container);
    wrap.append(heading, container, problems, add.element);
    return wrap;
  }

  private drawRows(spec: RowsSpec, container: HTMLElement): void {
    for (const path of [...this.fields.keys()]) if (path.startsWith(`${spec.path}[`)) this.fields.delete(path);
    const list = getAt(this.options.values, spec.path) as object[];
    container.replaceChildren(...list.map((_, i) => {
      const row = document.createElement('div');
      row.className = 'row';
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', `Endpoint ${i + 1}`);
      for (const f of spec.fields) row.append(this.field({ ...f, path: `${spec.path}[${i}].${f.path}` }));
      const remove = button({
        label: spec.removeLabel,
        appearance: 'secondary',
        ariaLabel: `${spec.removeLabel} ${i + 1}`,
        onClick: () => {
          const current = getAt(this.options.values, spec.path) as object[];
          if (current.length <= spec.min) return;
          current.splice(i, 1);
          this.drawRows(spec, container);
          this.options.onChange(spec.path);
        },
      });
      remove.element.classList.add('row-remove');
      remove.setDisabled(this.disabledAll || list.length <= spec.min);
      row.append(remove.element);
      return row;
    }));
  }

  private showProblems(target: HTMLElement, problems: readonly Problem[], entry?: FieldEntry): void {
    const text = problems.map((p) => `${p.severity}:${p.message}`).join('\n');
    if (target.dataset.shown === text) return;
    target.dataset.shown = text;
    target.replaceChildren(...problems.map((p) => {
      const line = document.createElement('div');
      line.className = `problem problem-${p.severity}`;
      line.setAttribute('data-code', p.code);
      const icon = document.createElement('span');
      icon.className = `codicon-like ${p.severity}`;
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = p.severity === 'error' ? '✖' : p.severity === 'warning' ? '⚠' : 'ℹ';
      const words = document.createElement('span');
      words.textContent = `${p.severity === 'error' ? 'Error' : p.severity === 'warning' ? 'Warning' : 'Note'}: ${p.message}`;
      line.append(icon, ' ', words);
      return line;
    }));
    entry?.control.setInvalid(problems.some((p) => p.severity === 'error'));
    if (entry) entry.control.focusTarget.setAttribute('aria-invalid', String(problems.some((p) => p.severity === 'error')));
  }
}

/** A select's help says what the chosen option means; other fields show their own help. */
function helpText(spec: FieldSpec, value: unknown): string {
  const chosen = spec.choices?.find((c) => c.value === value)?.description;
  return [chosen, spec.help].filter(Boolean).join(' ');
}

function choicesKey(spec: FieldSpec): string {
  return (spec.choices ?? []).map((c) => `${c.value}\u0000${c.label}`).join('\u0001');
}
