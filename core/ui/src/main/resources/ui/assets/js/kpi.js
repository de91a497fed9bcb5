// How a KPI is shown: latest value, target, pace, projection, sparkline, and its chart with the table beside it.
// The core computes the progress; this module only puts it into words and pictures.

import {el, svg} from './dom.js';
import {t} from './i18n.js';
import {date, isNumber, monthYear, number, paces, percent, quantity} from './format.js';
import {badge, COLOURS} from './status.js';
import {lineChart, PALETTE} from './charts.js';
import {dataTable} from './table.js';
import {paths} from './router.js';

export function latestText(progress, unit) {
  const latest = progress && progress.latest;
  return latest ? quantity(latest.value, unit) : t('kpi.noMeasurement');
}

/** "40.000 woningen in december 2030"; with label: "Doel: 40.000 woningen in december 2030". */
export function targetText(progress, unit, label) {
  const target = progress && progress.target;
  if (!target) {
    return t('value.unknown');
  }
  return t(label ? 'kpi.targetBy' : 'kpi.targetValue', {value: quantity(target.value, unit), date: monthYear(target.date)});
}

/** "16,1 woningen per dag nodig, 7,1 gehaald". */
export function paceText(progress, unit) {
  if (!progress || progress.status === 'NO_DATA') {
    return t('pace.unknown');
  }
  if (progress.status === 'ACHIEVED') {
    return t('pace.achieved');
  }
  const required = progress.requiredPace && progress.requiredPace.perDay;
  const actual = progress.actualPace && progress.actualPace.perDay;
  if (!isNumber(required) && !isNumber(actual)) {
    return t('pace.unknown');
  }
  const pace = paces(required, actual);
  return t(`pace.${pace.per}`, {required: quantity(pace.required, unit), actual: number(pace.actual)});
}

/** Projections further away than this are told as "more than 50 years". */
const DISTANT_YEARS = 50;

/** "Bij dit tempo is het doel bereikt in april 2036." */
export function projectionText(progress) {
  if (!progress || progress.status === 'NO_DATA' || !progress.latest) {
    return t('projection.unknown');
  }
  if (progress.status === 'ACHIEVED') {
    return t('projection.achieved');
  }
  if (progress.projectedDate && Number(progress.projectedDate.slice(0, 4)) > new Date().getFullYear() + DISTANT_YEARS) {
    return t('projection.distant', {years: DISTANT_YEARS});
  }
  if (progress.projectedDate) {
    const late = progress.target && progress.projectedDate > progress.target.date;
    return t(late ? 'projection.late' : 'projection.inTime', {date: monthYear(progress.projectedDate)});
  }
  return t('projection.never');
}

function point(p) {
  return [p.date || p.period, p.value];
}

const DAY = 86400000;

function millis(isoDate) {
  return Date.parse(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
}

function iso(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The projection at the current pace, from the latest measurement to the date the core projects. A projection far
 * beyond the targets is drawn up to the edge of the chart (on the same straight line), so that it does not squeeze
 * the measured values into a corner; the table gives the projected date itself.
 */
function projection(progress, points, targets) {
  const start = millis(progress.latest.date);
  const end = millis(progress.projectedDate);
  const dates = [...points.map(p => millis(p[0])), ...targets.map(p => millis(p.date)), start];
  const first = Math.min(...dates);
  const last = Math.max(...dates);
  const edge = last + Math.max((last - first) * 0.3, 365 * DAY);
  const drawn = [[progress.latest.date, progress.latest.value]];
  if (end <= edge || end <= start) {
    drawn.push([progress.projectedDate, progress.target.value]);
  } else {
    const share = (edge - start) / (end - start);
    drawn.push([iso(edge), progress.latest.value + share * (progress.target.value - progress.latest.value)]);
  }
  return {points: drawn, tablePoints: [[progress.projectedDate, progress.target.value]]};
}

/**
 * The series of one KPI (or roll-up) for the chart: measured, baseline, targets, the trajectory from baseline to the
 * targets, and the projection at the current pace (to the date the core projects).
 */
export function kpiSeries(item, measurements) {
  const progress = item.progress || {};
  const targets = item.targets || [];
  const measured = measurements.map(point);
  const series = [{name: t('chart.measured'), kind: 'actual', points: measured, colour: PALETTE[0]}];
  const trajectory = [item.baseline, ...targets].filter(Boolean).map(point);
  if (trajectory.length > 1) {
    series.push({name: t('chart.trajectory'), kind: 'trajectory', points: trajectory, table: false});
  }
  if (item.baseline) {
    series.push({name: t('chart.baseline'), kind: 'baseline', points: [point(item.baseline)], column: t('chart.plan')});
  }
  if (targets.length) {
    series.push({name: t('chart.targets'), kind: 'target', points: targets.map(point), column: t('chart.plan')});
  }
  if (progress.latest && progress.projectedDate && progress.target && progress.status !== 'ACHIEVED') {
    series.push({name: t('chart.projection'), kind: 'projection', ...projection(progress, measured, targets)});
  }
  return series;
}

/**
 * The table with the same numbers as the chart: one row per date, one column per series (series with the same
 * column, such as the baseline and the targets, share one).
 */
export function seriesTable(series, unit, caption, options = {}) {
  const columns = [];
  series.filter(s => s.table !== false).forEach(s => {
    const name = s.column || s.name;
    if (!columns.includes(name)) {
      columns.push(name);
    }
  });
  const rows = new Map();
  series.filter(s => s.table !== false).forEach(s => {
    const column = columns.indexOf(s.column || s.name);
    (s.tablePoints || s.points).forEach(([day, value]) => {
      if (!rows.has(day)) {
        rows.set(day, new Array(columns.length).fill(''));
      }
      rows.get(day)[column] = number(value);
    });
  });
  const header = [{label: t('table.period')},
    ...columns.map(name => ({label: unit ? t('table.seriesWithUnit', {series: name, unit}) : name, numeric: true}))];
  const body = [...rows.keys()].sort().map(day => [date(day), ...rows.get(day)]);
  return dataTable(header, body, {caption, key: options.key});
}

const LEGEND_SHAPES = {
  actual: colour => [svg('line', {x1: 1, y1: 7, x2: 27, y2: 7, stroke: colour, 'stroke-width': 2.5}), svg('circle', {cx: 14, cy: 7, r: 3, fill: colour})],
  trajectory: () => [svg('line', {x1: 1, y1: 7, x2: 27, y2: 7, stroke: '#4a4a4a', 'stroke-width': 1.5, 'stroke-dasharray': '5 3'})],
  target: colour => [svg('path', {d: 'M14 1l6 6-6 6-6-6z', fill: colour || '#1a1a1a'})],
  baseline: () => [svg('rect', {x: 9, y: 2, width: 10, height: 10, fill: '#4a4a4a'})],
  projection: () => [svg('line', {x1: 1, y1: 7, x2: 27, y2: 7, stroke: COLOURS.AT_RISK.strong, 'stroke-width': 2, 'stroke-dasharray': '1.5 3'}),
    svg('path', {d: 'M14 2.5l4.5 8h-9z', fill: COLOURS.AT_RISK.strong})],
};

/** The legend of a line chart: the shape and line style of every series, with its name. */
function legend(series) {
  return el('ul', {class: 'chart-legend'}, series.map((s, index) => el('li', null,
    svg('svg', {viewBox: '0 0 28 14', width: 28, height: 14, 'aria-hidden': 'true', focusable: 'false'},
      LEGEND_SHAPES[s.kind](s.colour || PALETTE[index % PALETTE.length])),
    s.name)));
}

/** A chart with its legend and its data table beside it (or, with tableInDetails, in a disclosure under it). */
export function chartWithTable({title, unit, series, description, caption, compact, tableInDetails}) {
  const chart = el('div', {class: 'chart-block'},
    lineChart({description: description || t('chart.description', {title}), unit, series, compact}), legend(series));
  const table = seriesTable(series, unit, caption || t('chart.tableCaption', {title}));
  if (tableInDetails) {
    return el('div', {class: 'chart-stack'}, chart,
      el('details', {class: 'table-details'}, el('summary', null, t('chart.showTable')), table));
  }
  return el('div', {class: 'chart-with-table'}, el('div', {class: 'chart-cell'}, chart), el('div', {class: 'table-cell'}, table));
}

/** A small line of the measured values; decorative (aria-hidden), the numbers are in the text beside it. */
export function sparkline(measurements, status) {
  const width = 120;
  const height = 32;
  const values = measurements.map(m => m.value).filter(isNumber);
  const image = svg('svg', {class: 'sparkline', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true', focusable: 'false'});
  if (values.length < 2) {
    return image;
  }
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const xy = values.map((value, i) => [2 + (i * (width - 4)) / (values.length - 1), height - 3 - ((value - low) * (height - 6)) / span]);
  const colour = (COLOURS[status] || COLOURS.NO_DATA).strong;
  const last = xy[xy.length - 1];
  image.append(
    svg('polyline', {points: xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round'}),
    svg('circle', {cx: last[0].toFixed(1), cy: last[1].toFixed(1), r: 3, fill: colour}));
  return image;
}

/** A KPI card: name (a link to its page), status, latest value, target, sparkline, pace and projection. */
export function kpiCard(kpi, measurements, options = {}) {
  const progress = kpi.progress || {};
  const heading = el(options.heading || 'h3', {class: 'kpi-name'},
    el('a', {href: paths.kpi(kpi.id), dataset: {key: `kpi-${kpi.id}`}}, options.title || kpi.name));
  const latest = progress.latest;
  return el('article', {class: 'card kpi-card', dataset: {kpi: kpi.id}},
    heading,
    badge(progress.status),
    el('div', {class: 'kpi-figures'},
      el('p', {class: 'kpi-value'},
        el('span', {class: 'kpi-number'}, latest ? number(latest.value) : t('kpi.noMeasurement')),
        latest && kpi.unit ? el('span', {class: 'kpi-unit'}, ` ${kpi.unit}`) : null),
      measurements ? sparkline(measurements, progress.status) : null),
    el('p', {class: 'kpi-meta'}, latest ? t('kpi.measuredOn', {date: date(latest.date)}) : ''),
    el('p', {class: 'kpi-target'}, targetText(progress, kpi.unit, true),
      isNumber(progress.shareOfTarget) ? ` · ${t('kpi.shareOfTarget', {share: percent(progress.shareOfTarget)})}` : ''),
    el('p', {class: 'kpi-pace'}, paceText(progress, kpi.unit)),
    el('p', {class: 'kpi-projection'}, projectionText(progress)));
}
