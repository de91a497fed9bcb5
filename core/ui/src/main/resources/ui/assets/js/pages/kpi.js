// One KPI: where it stands, its chart (measured, baseline, targets, trajectory, projection) with the same numbers
// in a table beside it, and what it means (definition, source, method).

import {el, details, paragraphs, replace} from '../dom.js';
import {t, themeName} from '../i18n.js';
import {date, isNumber, number, percent, quantity} from '../format.js';
import {api} from '../api.js';
import {announce} from '../live.js';
import {paths} from '../router.js';
import {badge} from '../status.js';
import {chartWithTable, kpiSeries, paceText, projectionText, targetText} from '../kpi.js';
import {mayEdit} from '../session.js';
import {breadcrumb, exampleTag, home, pageTitle} from '../components.js';

function summary(kpi) {
  const progress = kpi.progress || {};
  const latest = progress.latest;
  return el('section', {class: 'card kpi-summary', 'aria-labelledby': 'kpi-summary-title'},
    el('h2', {id: 'kpi-summary-title'}, t('kpi.summaryTitle')),
    badge(progress.status),
    details([
      [t('kpi.latest'), latest ? t('kpi.valueOn', {value: quantity(latest.value, kpi.unit), date: date(latest.date)}) : t('kpi.noMeasurement')],
      [t('kpi.target'), targetText(progress, kpi.unit)],
      [t('kpi.expected'), isNumber(progress.expected) ? quantity(progress.expected, kpi.unit) : null],
      [t('kpi.share'), isNumber(progress.shareOfTarget) ? percent(progress.shareOfTarget) : null],
      [t('kpi.pace'), paceText(progress, kpi.unit)],
      [t('kpi.projection'), projectionText(progress)],
    ], {class: 'facts'}));
}

function about(kpi) {
  const meta = kpi.metadata || {};
  return el('section', {class: 'card kpi-about', 'aria-labelledby': 'kpi-about-title'},
    el('h2', {id: 'kpi-about-title'}, t('kpi.aboutTitle')),
    details([
      [t('kpi.definition'), meta.definition ? paragraphs(meta.definition) : t('kpi.notGiven')],
      [t('kpi.source'), meta.source || t('kpi.notGiven')],
      [t('kpi.method'), meta.method ? paragraphs(meta.method) : t('kpi.notGiven')],
      [t('kpi.unit'), kpi.unit],
      [t('kpi.direction'), t(`direction.${kpi.direction}`)],
      [t('kpi.baseline'), kpi.baseline ? t('kpi.valueOn', {value: quantity(kpi.baseline.value, kpi.unit), date: date(kpi.baseline.date)}) : null],
      [t('kpi.targets'), kpi.targets.length ? el('ul', {class: 'plain'}, kpi.targets.map(p =>
        el('li', null, t('kpi.valueOn', {value: quantity(p.value, kpi.unit), date: date(p.date)})))) : null],
      [t('kpi.standardCode'), kpi.standardCode],
      [t('kpi.rollUp'), t(`rollUp.${kpi.rollUp}`)],
    ], {class: 'facts facts-wide'}));
}

export async function mount(root, route) {
  const kpiId = route.params.kpi;
  let regionOfKpi = null;
  const body = el('div', {class: 'kpi-page'});
  root.append(body);

  async function draw() {
    const [kpi, measurements] = await Promise.all([api.kpi(kpiId), api.measurements(kpiId)]);
    regionOfKpi = kpi.regionId;
    let region = null;
    try {
      region = await api.region(kpi.regionId);
    } catch (e) {
      region = null;
    }
    const regionName = region ? region.region.name : kpi.regionId;
    const opgave = region ? region.opgaven.find(o => o.id === kpi.opgaveId) : null;
    replace(body,
      breadcrumb([home(), {label: regionName, href: paths.region(kpi.regionId)}, {label: kpi.name}]),
      pageTitle(kpi.name),
      el('p', {class: 'region-meta'}, [...new Set([regionName, opgave ? opgave.title : null, themeName(kpi.theme)].filter(Boolean))].join(' · '),
        ' ', kpi.exampleData ? exampleTag() : null),
      el('div', {class: 'kpi-layout'}, summary(kpi), about(kpi)),
      el('section', {class: 'card kpi-history', 'aria-labelledby': 'kpi-history-title'},
        el('h2', {id: 'kpi-history-title'}, t('kpi.historyTitle')),
        el('p', {class: 'section-intro'}, t('kpi.historyIntro', {count: number(measurements.length)})),
        chartWithTable({title: kpi.name, unit: kpi.unit, series: kpiSeries(kpi, measurements)}),
        el('p', {class: 'actions'},
          mayEdit(kpi.regionId) ? el('a', {class: 'button button-secondary', href: paths.entry({indicator: kpi.id})}, t('kpi.addMeasurement')) : null,
          ' ',
          el('a', {class: 'button button-secondary', href: api.measurementsCsv(kpi.id), download: `${kpi.id}.csv`}, t('kpi.downloadCsv')))));
  }

  await draw();
  return {
    async update(events) {
      if (events.some(e => e.type === 'reconnect' || e.data.kpiId === kpiId || e.data.region === regionOfKpi
        || e.type === 'contribution')) {
        await draw();
        announce(t('live.kpiUpdated', {name: body.querySelector('h1').textContent}));
      }
    },
  };
}
