// Regions side by side: per theme (status of their KPIs) or per standard indicator (their series and targets).

import {el, replace} from '../dom.js';
import {t, themeName, words} from '../i18n.js';
import {isNumber, monthYear, number, percent, quantity} from '../format.js';
import {api} from '../api.js';
import {announce} from '../live.js';
import {paths, setQuery} from '../router.js';
import {badge, statusText} from '../status.js';
import {barChart, PALETTE, statusStyle} from '../charts.js';
import {dataTable} from '../table.js';
import {chartWithTable, targetText} from '../kpi.js';
import {field, notice, pageTitle, select} from '../components.js';

const ORDER = ['OFF_TRACK', 'AT_RISK', 'ON_TRACK', 'ACHIEVED', 'NO_DATA'];

function choices(data) {
  const themes = [...new Set(data.kpis.map(k => k.theme))].sort();
  const codes = [...new Set(data.kpis.map(k => k.standardCode).filter(Boolean))].sort();
  const codeName = code => {
    const kpi = data.kpis.find(k => k.standardCode === code);
    return kpi ? `${kpi.name} (${code})` : words(code);
  };
  return [
    {label: t('compare.byTheme'), options: themes.map(id => ({value: `thema:${id}`, label: themeName(id)}))},
    {label: t('compare.byIndicator'), options: codes.map(code => ({value: `indicator:${code}`, label: codeName(code)}))},
  ].filter(group => group.options.length);
}

function regionName(data, regionId) {
  const region = data.regions.find(r => r.id === regionId);
  return region ? region.name : regionId;
}

function byTheme(data, theme) {
  const kpis = data.kpis.filter(k => k.theme === theme);
  const regionIds = [...new Set(kpis.map(k => k.regionId))];
  const names = regionIds.map(id => regionName(data, id));
  const count = (regionId, status) => kpis.filter(k => k.regionId === regionId && k.progress.status === status).length;
  const statuses = ORDER.filter(status => kpis.some(k => k.progress.status === status));
  const title = t('compare.themeChartTitle', {theme: themeName(theme)});
  const chart = barChart({
    description: t('chart.description', {title}),
    categories: names,
    stacked: true,
    series: statuses.map(status => ({name: statusText(status), values: regionIds.map(id => count(id, status)), ...statusStyle(status)})),
  });
  const counts = dataTable(
    [{label: t('table.region')}, ...statuses.map(s => ({label: statusText(s), numeric: true})), {label: t('table.total'), numeric: true}],
    regionIds.map((id, index) => [names[index], ...statuses.map(s => number(count(id, s))),
      number(kpis.filter(k => k.regionId === id).length)]),
    {caption: t('chart.tableCaption', {title})});
  const list = dataTable(
    [{label: t('table.kpi')}, {label: t('table.region')}, {label: t('table.status')}, {label: t('table.share'), numeric: true},
      {label: t('table.projection')}],
    kpis.map(k => [el('a', {href: paths.kpi(k.id)}, k.name), regionName(data, k.regionId), badge(k.progress.status),
      isNumber(k.progress.shareOfTarget) ? percent(k.progress.shareOfTarget) : t('value.unknown'),
      k.progress.projectedDate ? monthYear(k.progress.projectedDate) : t('value.unknown')]),
    {caption: t('compare.kpisCaption', {theme: themeName(theme)})});
  return [
    el('section', {class: 'card', 'aria-labelledby': 'compare-status-title'},
      el('h2', {id: 'compare-status-title'}, title),
      el('div', {class: 'chart-with-table'}, el('div', {class: 'chart-cell'}, chart), el('div', {class: 'table-cell'}, counts))),
    el('section', {class: 'card', 'aria-labelledby': 'compare-kpis-title'},
      el('h2', {id: 'compare-kpis-title'}, t('compare.kpisTitle')), list),
  ];
}

async function byIndicator(data, code) {
  const kpis = data.kpis.filter(k => k.standardCode === code);
  const units = new Set(kpis.map(k => k.unit));
  const unit = units.size === 1 ? kpis[0].unit : '';
  const series = [];
  for (const [index, kpi] of kpis.entries()) {
    const measurements = await api.measurements(kpi.id).catch(() => []);
    const colour = PALETTE[index % PALETTE.length];
    const name = regionName(data, kpi.regionId);
    series.push({name, kind: 'actual', colour, points: measurements.map(m => [m.period, m.value])});
    if (kpi.targets.length) {
      series.push({name: t('chart.targetsOf', {name}), kind: 'target', colour, points: kpi.targets.map(p => [p.date, p.value])});
    }
  }
  const title = t('compare.indicatorChartTitle', {name: kpis.length ? kpis[0].name : words(code)});
  const summary = dataTable(
    [{label: t('table.region')}, {label: t('table.kpi')}, {label: t('table.latest'), numeric: true}, {label: t('table.target')},
      {label: t('table.share'), numeric: true}, {label: t('table.status')}, {label: t('table.projection')}],
    kpis.map(k => [regionName(data, k.regionId), el('a', {href: paths.kpi(k.id)}, k.name),
      k.progress.latest ? quantity(k.progress.latest.value, k.unit) : t('kpi.noMeasurement'),
      targetText(k.progress, k.unit),
      isNumber(k.progress.shareOfTarget) ? percent(k.progress.shareOfTarget) : t('value.unknown'), badge(k.progress.status),
      k.progress.projectedDate ? monthYear(k.progress.projectedDate) : t('value.unknown')]),
    {caption: t('compare.summaryCaption')});
  return [
    el('section', {class: 'card', 'aria-labelledby': 'compare-series-title'},
      el('h2', {id: 'compare-series-title'}, title),
      kpis.length < 2 ? notice(t('compare.singleRegion')) : null,
      chartWithTable({title, unit, series})),
    el('section', {class: 'card', 'aria-labelledby': 'compare-summary-title'},
      el('h2', {id: 'compare-summary-title'}, t('compare.summaryTitle')), summary),
  ];
}

export async function mount(root, route) {
  let data = await api.overview();
  const groups = choices(data);
  const first = groups.length ? groups[0].options[0].value : '';
  let choice = route.query.get('op') || first;
  const chooser = select(groups, choice, {dataset: {key: 'compare-choice'}});
  const content = el('div', {class: 'compare'});
  root.append(...pageTitle(t('compare.title'), t('compare.intro')),
    el('form', {class: 'filter-bar', onsubmit: event => event.preventDefault()},
      field('compare-choice', t('compare.choose'), chooser, t('compare.chooseHint'))),
    content);

  async function draw() {
    if (!choice) {
      replace(content, notice(t('compare.nothing')));
      return;
    }
    const [kind, value] = [choice.slice(0, choice.indexOf(':')), choice.slice(choice.indexOf(':') + 1)];
    replace(content, kind === 'thema' ? byTheme(data, value) : await byIndicator(data, value));
  }

  chooser.addEventListener('change', async () => {
    choice = chooser.value;
    setQuery({op: choice});
    await draw();
    announce(t('compare.shown', {choice: chooser.selectedOptions[0].textContent}));
  });
  await draw();
  return {
    async update(events) {
      if (events.some(e => e.type !== 'bundle')) {
        data = await api.overview();
        await draw();
        announce(t('live.compareUpdated'));
      }
    },
  };
}
