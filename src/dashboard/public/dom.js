// Small DOM and formatting helpers shared by the dashboard's modules.

/** Builds an element; children are nodes or strings (always inserted as text, never as HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'style' && typeof value === 'object') Object.assign(node.style, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const numberFormat = new Intl.NumberFormat('en');
export const fmt = (n) => numberFormat.format(n);

export const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

export function emptyNote(container, text) {
  container.replaceChildren(el('p', { class: 'muted empty' }, text));
}

/** Adds a line to the page's error box (it stays until the page is reloaded). */
export function showError(where, error) {
  const box = document.getElementById('error');
  box.hidden = false;
  box.append(el('div', {}, `${where}: ${error instanceof Error ? error.message : String(error)}`));
}

export function dateRange(first, last) {
  if (!first && !last) return '';
  if (!first || first === last) return first || last;
  return `${first} – ${last}`;
}

/**
 * The label of an organisation: its acronym when the name is long and it has
 * one ("ICESCO", "LIKAT"), else the name. The full name goes in tooltips.
 */
export function shortLabel(entity) {
  const name = entity.name || '';
  if (name.length <= 28) return name;
  const acronym = (entity.aliases || [])
    .filter((a) => /^[A-Z][A-Za-z0-9&.-]{1,11}$/.test(a) && /[A-Z].*[A-Z]/.test(a) && a !== name)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  return acronym || name;
}
