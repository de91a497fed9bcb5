// A pilot's screens: widget screens rendered by the core in one style, and page screens shown in a frame.
// A failing screen or widget becomes an error card; the others are shown as usual.

import {el, paragraphs} from './dom.js';
import {t} from './i18n.js';
import {percent, isNumber} from './format.js';
import {badge, statusText} from './status.js';
import {mapChart, PALETTE} from './charts.js';
import {dataTable} from './table.js';
import {chartWithTable, kpiCard, latestText, paceText, projectionText, targetText} from './kpi.js';
import {errorCard} from './components.js';
import {api} from './api.js';
import {paths} from './router.js';
import {FROM_DASHBOARD} from './session.js';

function kpiOf(detail, kpiId) {
  const kpi = detail.kpis.find(k => k.id === kpiId);
  if (!kpi) {
    throw new Error(t('screen.unknownKpi', {id: kpiId}));
  }
  return kpi;
}

function card(title, ...content) {
  return el('section', {class: 'card widget'}, title ? el('h3', null, title) : null, content);
}

async function chartWidget(widget, detail, measurementsOf) {
  const kpis = (widget.kpiIds || []).map(id => kpiOf(detail, id));
  const units = new Set(kpis.map(k => k.unit));
  const unit = units.size === 1 ? kpis[0].unit : '';
  const series = [];
  for (const [index, kpi] of kpis.entries()) {
    const colour = PALETTE[index % PALETTE.length];
    const name = unit ? kpi.name : `${kpi.name} (${kpi.unit})`;
    series.push({name, kind: 'actual', colour, points: (await measurementsOf(kpi.id)).map(m => [m.period, m.value])});
    if (kpi.targets.length) {
      series.push({name: t('chart.targetsOf', {name}), kind: 'target', colour, points: kpi.targets.map(p => [p.date, p.value])});
    }
  }
  const title = widget.title || kpis.map(k => k.name).join(', ');
  return card(title, chartWithTable({title, unit, series}));
}

function tableWidget(widget, detail) {
  const kpis = (widget.kpiIds || []).map(id => kpiOf(detail, id));
  const columns = [{label: t('table.kpi')}, {label: t('table.latest'), numeric: true}, {label: t('table.target')},
    {label: t('table.status')}, {label: t('table.share'), numeric: true}, {label: t('table.pace')}, {label: t('table.projection')}];
  const rows = kpis.map(kpi => [
    el('a', {href: paths.kpi(kpi.id)}, kpi.name),
    latestText(kpi.progress, kpi.unit),
    targetText(kpi.progress, kpi.unit),
    badge(kpi.progress.status),
    isNumber(kpi.progress.shareOfTarget) ? percent(kpi.progress.shareOfTarget) : t('value.unknown'),
    paceText(kpi.progress, kpi.unit),
    projectionText(kpi.progress),
  ]);
  const title = widget.title || t('screen.tableTitle');
  return card(null, dataTable(columns, rows, {caption: title}));
}

function mapWidget(widget, detail) {
  const region = detail.region;
  const status = worst(detail.kpis);
  const title = widget.title || region.name;
  const areas = (region.cbsCodes || []).filter(code => /^PV\d\d$/.test(code))
    .map(code => ({code, short: region.name, status, label: `${region.name}: ${statusText(status)}`}));
  const description = t('map.regionDescription', {region: region.name, status: statusText(status)});
  const rows = areas.map(area => [region.name, area.code, badge(status)]);
  return card(title, el('figure', {class: 'map-figure'}, mapChart({description, areas}),
    el('figcaption', {class: 'attribution'}, t('map.attribution'))),
  dataTable([{label: t('table.region')}, {label: t('table.cbsCode')}, {label: t('table.status')}], rows,
    {caption: t('map.tableCaption', {title})}));
}

const ORDER = ['OFF_TRACK', 'AT_RISK', 'ON_TRACK', 'ACHIEVED'];

/** The worst status among KPIs with data (as the core does for a region). */
export function worst(kpis) {
  const statuses = kpis.map(k => k.progress && k.progress.status);
  return ORDER.find(s => statuses.includes(s)) || 'NO_DATA';
}

async function widgetElement(widget, detail, measurementsOf) {
  switch (widget.type) {
    case 'text':
      return card(widget.title, paragraphs(widget.text));
    case 'tile': {
      const kpi = kpiOf(detail, widget.kpiId);
      return kpiCard(kpi, await measurementsOf(kpi.id), {title: widget.title || kpi.name});
    }
    case 'chart':
      return chartWidget(widget, detail, measurementsOf);
    case 'table':
      return tableWidget(widget, detail);
    case 'map':
      return mapWidget(widget, detail);
    default:
      throw new Error(t('screen.unknownWidget', {type: String(widget.type)}));
  }
}

async function widgetScreen(screen, detail, measurementsOf) {
  const cells = await Promise.all((screen.widgets || []).map(async widget => {
    const kind = ['text', 'tile', 'chart', 'table', 'map'].includes(widget.type) ? widget.type : 'other';
    let content;
    try {
      content = await widgetElement(widget, detail, measurementsOf);
    } catch (error) {
      content = errorCard(t('screen.widgetFailed', {title: widget.title || t(`widget.${kind}`)}), error.message);
    }
    return el('div', {class: `widget-cell widget-${kind}`}, content);
  }));
  return el('div', {class: 'widget-grid'}, cells);
}

function framedPage(screen, detail) {
  const url = api.pilotPage(detail.region.id, screen.id);
  const frame = el('iframe', {class: 'pilot-frame', src: url, title: screen.title, loading: 'lazy'});
  frame.addEventListener('load', () => {
    try {
      const height = frame.contentDocument.documentElement.scrollHeight;
      frame.style.height = `${Math.max(320, height + 24)}px`;
    } catch (e) {
      // another origin: the frame keeps its height
    }
  });
  return el('div', {class: 'pilot-page'},
    el('p', {class: 'pilot-page-note'}, t('screen.pageNote'), ' ',
      el('a', {href: url, target: '_blank', rel: 'noopener'}, t('screen.openPage'))),
    frame);
}

async function pageScreen(screen, detail) {
  const url = api.pilotPage(detail.region.id, screen.id);
  let response;
  try {
    response = await fetch(url, {method: 'HEAD', credentials: 'same-origin', headers: FROM_DASHBOARD});
  } catch (e) {
    response = null;
  }
  if (!response || !response.ok) {
    throw new Error(t('screen.pageUnavailable', {status: response ? response.status : 0}));
  }
  return framedPage(screen, detail);
}

/** One screen of a pilot, with its heading; errors become an error card. */
export async function renderScreen(screen, detail, measurementsOf) {
  const heading = el('h2', {class: 'screen-title'}, screen.title || screen.id);
  try {
    if (screen.type === 'widgets') {
      return el('section', {class: 'screen'}, heading, await widgetScreen(screen, detail, measurementsOf));
    }
    if (screen.type === 'page') {
      return el('section', {class: 'screen'}, heading, await pageScreen(screen, detail));
    }
    throw new Error(t('screen.unknownType', {type: String(screen.type)}));
  } catch (error) {
    return el('section', {class: 'screen'}, heading, errorCard(t('screen.failed', {title: screen.title || screen.id}), error.message));
  }
}
