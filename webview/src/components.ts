// The only module that knows which web-component library draws the forms (@vscode/webview-ui-toolkit, archived
// upstream). Everything else asks for "a text field labelled X" here; moving to @vscode-elements/elements means
// rewriting this file only. Each control's accessible name is exactly its label: the toolkit's text fields and
// checkboxes take it from their content, drop-downs from aria-labelledby pointing at a visible <label>.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDivider,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeProgressRing,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

export interface ChoiceItem {
  value: string;
  label: string;
  description?: string;
}

/** A form control, whatever draws it. */
export interface Control {
  /** The element to put into the page (label, control and the lines under it). */
  readonly root: HTMLElement;
  /** The element that takes focus. */
  readonly focusTarget: HTMLElement;
  value(): string | boolean;
  setValue(value: string | boolean): void;
  setDisabled(disabled: boolean): void;
  /** Ids of elements that describe the control (help, error): read by screen readers after the name. */
  describeBy(ids: readonly string[]): void;
  setInvalid(invalid: boolean): void;
}

interface ToolkitValueElement extends HTMLElement {
  value: string;
  disabled: boolean;
  readOnly?: boolean;
  checked?: boolean;
}

let registered = false;

export function registerComponents(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeCheckbox(),
    vsCodeDivider(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodeProgressRing(),
    vsCodeTextField(),
  );
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function toolkit(tag: string): ToolkitValueElement {
  return document.createElement(tag) as ToolkitValueElement;
}

function describe(target: HTMLElement, ids: readonly string[]): void {
  if (ids.length) target.setAttribute('aria-describedby', ids.join(' '));
  else target.removeAttribute('aria-describedby');
}

export function textField(opts: { id: string; label: string; value: string; placeholder?: string; readOnly?: boolean; onInput?: (value: string) => void }): Control {
  const root = el('div', 'field');
  const field = toolkit('vscode-text-field');
  field.id = opts.id;
  // The toolkit turns the content into the visible label and the input's aria-label.
  field.textContent = opts.label;
  if (opts.placeholder) field.setAttribute('placeholder', opts.placeholder);
  if (opts.readOnly) field.setAttribute('readonly', '');
  field.value = opts.value;
  field.addEventListener('input', () => opts.onInput?.(field.value));
  root.append(field);
  return {
    root,
    focusTarget: field,
    value: () => field.value,
    setValue: (v) => {
      if (field.value !== String(v)) field.value = String(v);
    },
    setDisabled: (d) => (field.disabled = d),
    describeBy: (ids) => describe(field, ids),
    setInvalid: (invalid) => field.classList.toggle('invalid', invalid),
  };
}

export function dropdown(opts: { id: string; label: string; value: string; choices: readonly ChoiceItem[]; onChange?: (value: string) => void }): Control & { setChoices(choices: readonly ChoiceItem[]): void } {
  const root = el('div', 'field');
  const label = el('label', 'field-label', opts.label);
  label.id = `${opts.id}-label`;
  label.htmlFor = opts.id;
  const select = toolkit('vscode-dropdown');
  select.id = opts.id;
  select.setAttribute('aria-labelledby', label.id);
  select.setAttribute('position', 'below');
  let current = opts.value;
  const fill = (choices: readonly ChoiceItem[]) => {
    select.replaceChildren(...choices.map((c) => {
      const o = toolkit('vscode-option');
      o.setAttribute('value', c.value);
      o.textContent = c.label;
      if (c.description) o.setAttribute('title', c.description);
      return o;
    }));
    // A value not among the choices is kept (and reported by the form's rules), not silently replaced.
    if (!choices.some((c) => c.value === current) && choices.length) {
      const o = toolkit('vscode-option');
      o.setAttribute('value', current);
      o.textContent = current === '' ? '(none)' : `${current} (not available)`;
      select.append(o);
    }
    queueMicrotask(() => (select.value = current));
  };
  fill(opts.choices);
  select.addEventListener('change', () => {
    current = select.value;
    opts.onChange?.(current);
  });
  root.append(label, select);
  label.addEventListener('click', () => select.focus());
  return {
    root,
    focusTarget: select,
    value: () => current,
    setValue: (v) => {
      current = String(v);
      if (select.value !== current) select.value = current;
    },
    setDisabled: (d) => (select.disabled = d),
    describeBy: (ids) => describe(select, ids),
    setInvalid: (invalid) => select.classList.toggle('invalid', invalid),
    setChoices: (choices) => fill(choices),
  };
}

export function checkbox(opts: { id: string; label: string; checked: boolean; onChange?: (checked: boolean) => void }): Control {
  const root = el('div', 'field field-checkbox');
  const box = toolkit('vscode-checkbox');
  box.id = opts.id;
  box.textContent = opts.label;
  box.checked = opts.checked;
  box.addEventListener('change', () => opts.onChange?.(Boolean(box.checked)));
  root.append(box);
  return {
    root,
    focusTarget: box,
    value: () => Boolean(box.checked),
    setValue: (v) => {
      if (box.checked !== Boolean(v)) box.checked = Boolean(v);
    },
    setDisabled: (d) => (box.disabled = d),
    describeBy: (ids) => describe(box, ids),
    setInvalid: (invalid) => box.classList.toggle('invalid', invalid),
  };
}

export interface ButtonHandle {
  readonly element: HTMLElement;
  setDisabled(disabled: boolean): void;
  setLabel(label: string): void;
}

export function button(opts: { label: string; appearance?: 'primary' | 'secondary'; ariaLabel?: string; onClick: () => void }): ButtonHandle {
  const b = toolkit('vscode-button');
  b.textContent = opts.label;
  b.setAttribute('appearance', opts.appearance ?? 'primary');
  if (opts.ariaLabel) b.setAttribute('aria-label', opts.ariaLabel);
  b.addEventListener('click', () => {
    if (!b.disabled) opts.onClick();
  });
  return {
    element: b,
    setDisabled: (d) => (b.disabled = d),
    setLabel: (label) => (b.textContent = label),
  };
}

export function progressRing(label: string): HTMLElement {
  const ring = document.createElement('vscode-progress-ring');
  ring.setAttribute('aria-label', label);
  return ring;
}

export function divider(): HTMLElement {
  return document.createElement('vscode-divider');
}
