// Building the page with DOM APIs only. Every string becomes a text node or an attribute value,
// never markup, so a design named `<img src=x onerror=…>` shows exactly that text.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly id?: string;
  readonly className?: string;
  /** Attributes by name; the names are this file's callers' constants, the values may be data. */
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

const SAFE_ATTRIBUTE = /^(?:aria-[a-z]+|data-[a-z-]+|role|for|type|name|value|scope|colspan|placeholder|autocomplete|spellcheck|inputmode|title|lang|tabindex|hidden|disabled|checked|selected|open|rel|target)$/;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.id) node.id = props.id;
  if (props.className) node.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined) continue;
    if (!SAFE_ATTRIBUTE.test(name)) throw new Error(`Attribute ${name} is not allowed`);
    node.setAttribute(name, value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A link only to an https: page; anything else (javascript:, data:, …) renders as plain text. */
export function externalLink(url: string | undefined, text: string, props: Props = {}): HTMLElement {
  let safe: string | undefined;
  try {
    const parsed = new URL(url ?? '');
    if (parsed.protocol === 'https:') safe = parsed.href;
  } catch {
    safe = undefined;
  }
  if (!safe) return el('span', props, text);
  const link = el('a', props, text);
  link.href = safe;
  return link;
}

/** Text with `code` spans (as schema descriptions and messages write them) as code elements. */
export function withCode(text: string): Child[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [text];
  return parts.map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part)).filter((p) => p !== '');
}

/** Text only screen readers announce. */
export function srOnly(text: string): HTMLElement {
  return el('span', { className: 'sr-only' }, text);
}

/** Replaces a container's content. */
export function replace(container: Element, ...children: Child[]): void {
  container.replaceChildren();
  append(container, ...children);
}
