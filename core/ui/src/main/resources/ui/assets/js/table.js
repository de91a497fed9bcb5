// Data tables: a caption, column headers with scope="col" and a row header with scope="row" in every row. A table
// wider or taller than its place scrolls in a box that keyboard users can reach (a labelled, focusable region).

import {el} from './dom.js';

let count = 0;

const scrollBoxes = new ResizeObserver(entries => entries.forEach(entry => {
  const box = entry.target;
  const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
  if (scrolls) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-labelledby', box.dataset.caption);
  } else {
    ['tabindex', 'role', 'aria-labelledby'].forEach(name => box.removeAttribute(name));
  }
}));

/**
 * columns: [{label, numeric}], the first is the row header; rows: arrays of cells (text or nodes).
 * options: {caption, key}
 */
export function dataTable(columns, rows, options = {}) {
  const captionId = `table-caption-${++count}`;
  const caption = el('caption', {id: captionId}, options.caption);
  const head = el('thead', null, el('tr', null,
    columns.map(column => el('th', {scope: 'col', class: column.numeric ? 'numeric' : null}, column.label))));
  const body = el('tbody', null, rows.map(cells => el('tr', null, cells.map((cell, index) => (index === 0
    ? el('th', {scope: 'row'}, cell)
    : el('td', {class: columns[index] && columns[index].numeric ? 'numeric' : null}, cell))))));
  const table = el('table', {class: 'data-table', dataset: options.key ? {key: options.key} : null}, caption, head, body);
  const box = el('div', {class: 'table-scroll', dataset: {caption: captionId}}, table);
  scrollBoxes.observe(box);
  return box;
}
