// Status in words, with a shape of its own and a colour: never colour alone.

import {el, svg} from './dom.js';
import {t} from './i18n.js';

/** From worst to best; NO_DATA last. */
export const STATUSES = ['OFF_TRACK', 'AT_RISK', 'ON_TRACK', 'ACHIEVED', 'NO_DATA'];

/** Strong colour (lines, icons, patterns) and light fill (map areas, badges) per status. */
export const COLOURS = {
  OFF_TRACK: {strong: '#b42318', fill: '#f4b6b0'},
  AT_RISK: {strong: '#9a4a00', fill: '#f9d29d'},
  ON_TRACK: {strong: '#2b6a0a', fill: '#b9dca4'},
  ACHIEVED: {strong: '#154273', fill: '#a9c2e0'},
  NO_DATA: {strong: '#5f5f5f', fill: '#dcdcdc'},
};

/** ECharts decal (pattern) per status, so that the map does not rely on colour. */
export const PATTERNS = {
  OFF_TRACK: {symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4},
  AT_RISK: {symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 6]], dashArrayY: [4, 6]},
  ON_TRACK: {symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 7], rotation: 0},
  ACHIEVED: {symbol: 'none'},
  NO_DATA: {symbol: 'rect', dashArrayX: [[3, 5]], dashArrayY: [1, 7], rotation: -Math.PI / 4},
};

const SHAPES = {
  // a cross in a circle
  OFF_TRACK: () => [svg('circle', {cx: 8, cy: 8, r: 7}), svg('path', {d: 'M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6', class: 'icon-line'})],
  // an exclamation mark in a triangle
  AT_RISK: () => [svg('path', {d: 'M8 1.2l7 13.3H1z'}), svg('path', {d: 'M8 5.8v4.2M8 11.8v.6', class: 'icon-line'})],
  // an arrow up in a circle
  ON_TRACK: () => [svg('circle', {cx: 8, cy: 8, r: 7}), svg('path', {d: 'M8 12V4.5M4.8 7.6L8 4.4l3.2 3.2', class: 'icon-line'})],
  // a check mark in a circle
  ACHIEVED: () => [svg('circle', {cx: 8, cy: 8, r: 7}), svg('path', {d: 'M4.6 8.3l2.3 2.3 4.6-4.8', class: 'icon-line'})],
  // a dash in a circle
  NO_DATA: () => [svg('circle', {cx: 8, cy: 8, r: 7, class: 'icon-open'}), svg('path', {d: 'M4.8 8h6.4', class: 'icon-dash'})],
};

function known(status) {
  return STATUSES.includes(status) ? status : 'NO_DATA';
}

export function statusClass(status) {
  return `status-${known(status).toLowerCase().replace('_', '-')}`;
}

export function statusText(status) {
  return t(`status.${known(status)}`);
}

/** The icon of a status; decorative, since the word is always beside it. */
export function statusIcon(status) {
  return svg('svg', {class: 'status-icon', viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false'},
    SHAPES[known(status)]());
}

/** A badge: icon and word, e.g. "Op koers". */
export function badge(status, prefix) {
  return el('span', {class: `status ${statusClass(status)}`},
    statusIcon(status), el('span', {class: 'status-text'}, prefix ? `${prefix} ${statusText(status)}` : statusText(status)));
}
