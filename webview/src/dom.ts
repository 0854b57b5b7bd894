// A few DOM helpers for the parts of the panels that are not form fields (headings, lists, the run's progress).

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== undefined && c !== false) e.append(c);
  return e;
}

export function list(items: readonly string[], attrs: Record<string, string> = {}): HTMLUListElement {
  return h('ul', attrs, ...items.map((t) => h('li', {}, t)));
}
