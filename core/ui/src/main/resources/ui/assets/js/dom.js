// Building the page: elements from createElement and text nodes only. Everything that comes from a pilot bundle or
// a person is text here, never markup.

const SVG = 'http://www.w3.org/2000/svg';

function set(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.setAttribute('class', value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in node) {
      node.value = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

/** Appends children: nodes as they are, anything else as text; null, undefined and false are skipped. */
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** An HTML element: el('a', {href: '/ui/', class: 'x'}, 'text', otherNode). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  set(node, attrs);
  return append(node, children);
}

/** An SVG element. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  set(node, attrs);
  return append(node, children);
}

/**
 * Replaces what a container shows; the element that had the focus (marked with data-key) gets it back, so a live
 * update does not throw a keyboard user out of the page.
 */
export function replace(container, ...children) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren();
  append(container, children);
  if (key) {
    const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) {
      again.focus();
    }
  }
  return container;
}

/** Paragraphs from plain text: blank lines separate them. */
export function paragraphs(text, attrs) {
  return String(text || '').split(/\n\s*\n/).map(p => p.trim()).filter(Boolean).map(p => el('p', attrs, p));
}

/** A description list from [term, description] pairs; pairs without a description are left out. */
export function details(pairs, attrs) {
  const list = el('dl', attrs);
  for (const [term, description] of pairs) {
    if (description === null || description === undefined || description === '') {
      continue;
    }
    append(list, el('dt', null, term), el('dd', null, description));
  }
  return list;
}
