// The national overview: the map with the pilot regions by status, a card per region, and the national roll-ups
// per standard indicator with their targets and projection; a theme filter narrows all three.

import {el, replace} from '../dom.js';
import {t, tn, themeName, words} from '../i18n.js';
import {number, quantity, time} from '../format.js';
import {api} from '../api.js';
import {announce} from '../live.js';
import {navigate, paths, setQuery} from '../router.js';
import {badge, statusClass, statusIcon, statusText, STATUSES} from '../status.js';
import {mapChart} from '../charts.js';
import {dataTable} from '../table.js';
import {chartWithTable, kpiSeries, paceText, projectionText, targetText} from '../kpi.js';
import {exampleTag, field, notice, pageTitle, select, setOptions} from '../components.js';

const ORDER = ['OFF_TRACK', 'AT_RISK', 'ON_TRACK', 'ACHIEVED', 'NO_DATA'];

function regionThemes(data) {
  const themes = new Map();
  data.kpis.forEach(kpi => {
    if (!themes.has(kpi.regionId)) {
      themes.set(kpi.regionId, new Set());
    }
    themes.get(kpi.regionId).add(kpi.theme);
  });
  return themes;
}

function stats(data, regions, rollUps) {
  const opgaven = regions.reduce((sum, r) => sum + r.opgaven, 0);
  const kpis = regions.reduce((sum, r) => sum + r.kpis, 0);
  const item = (value, label) => el('li', {class: 'stat'}, el('span', {class: 'stat-number'}, number(value)), el('span', {class: 'stat-label'}, label));
  return el('section', {class: 'stats', 'aria-labelledby': 'stats-title'},
    el('h2', {id: 'stats-title', class: 'visually-hidden'}, t('overview.statsTitle')),
    el('ul', {class: 'stat-list'},
      item(regions.length, tn('overview.statRegions', regions.length)),
      item(opgaven, tn('overview.statOpgaven', opgaven)),
      item(kpis, tn('overview.statKpis', kpis)),
      item(rollUps.length, tn('overview.statRollUps', rollUps.length)),
      item(data.lessons, tn('overview.statLessons', data.lessons))));
}

function legend() {
  return el('ul', {class: 'legend', 'aria-label': t('map.legend')}, ORDER.map(status => el('li', null,
    el('span', {class: `swatch ${statusClass(status)}`, 'aria-hidden': 'true'}), statusIcon(status), statusText(status))),
  el('li', null, el('span', {class: 'swatch swatch-none', 'aria-hidden': 'true'}), t('map.noPilot')));
}

function mapPanel(regions) {
  const byCode = new Map();
  regions.forEach(region => (region.cbsCodes || []).filter(code => /^PV\d\d$/.test(code)).forEach(code => {
    const area = byCode.get(code) || {code, regions: []};
    area.regions.push(region);
    byCode.set(code, area);
  }));
  const areas = [...byCode.values()].map(area => {
    const status = ORDER.find(s => area.regions.some(r => r.status === s));
    const names = area.regions.map(r => r.name).join(', ');
    return {code: area.code, status, short: names, label: `${names}: ${statusText(status)}`, regions: area.regions};
  });
  const description = areas.length
    ? t('map.description', {regions: areas.map(a => a.label).join('; ')})
    : t('map.descriptionEmpty');
  const onSelect = code => {
    const area = areas.find(a => a.code === code);
    if (area && area.regions.length === 1) {
      navigate(paths.region(area.regions[0].id));
    }
  };
  const rows = regions.map(r => [el('a', {href: paths.region(r.id)}, r.name), (r.cbsCodes || []).join(', '), badge(r.status),
    number(r.kpis)]);
  return el('figure', {class: 'card map-panel'},
    mapChart({description, areas, onSelect}),
    legend(),
    el('figcaption', {class: 'attribution'}, t('map.attribution')),
    el('details', {class: 'table-details'}, el('summary', null, t('map.showTable')),
      dataTable([{label: t('table.region')}, {label: t('table.cbsCode')}, {label: t('table.status')}, {label: t('table.kpis'), numeric: true}],
        rows, {caption: t('map.tableCaption', {title: t('overview.mapTitle')})})));
}

function statusBar(counts, total) {
  return el('div', {class: 'status-bar', 'aria-hidden': 'true'}, STATUSES.filter(s => counts[s] > 0).map(status => {
    const part = el('span', {class: `status-bar-part ${statusClass(status)}`});
    part.style.flexGrow = String(counts[status] / Math.max(total, 1));
    return part;
  }));
}

function regionCard(region) {
  const counts = (region.statusCounts && region.statusCounts.counts) || {};
  return el('li', null, el('article', {class: 'card region-card', dataset: {region: region.id}},
    el('h3', {class: 'region-name'}, el('a', {href: paths.region(region.id), dataset: {key: `region-${region.id}`}}, region.name)),
    el('p', {class: 'region-meta'}, [t(`kind.${region.kind}`), tn('region.opgaven', region.opgaven), tn('region.kpis', region.kpis)].join(' · ')),
    el('p', {class: 'region-status'}, el('span', {class: 'label'}, t('region.statusLabel')), ' ', badge(region.status)),
    statusBar(counts, region.kpis),
    el('ul', {class: 'status-counts'}, ORDER.filter(s => counts[s] > 0).map(status => el('li', null,
      statusIcon(status), t('region.statusCount', {count: number(counts[status]), status: statusText(status).toLowerCase()})))),
    region.exampleData ? exampleTag() : null));
}

function rollUpName(rollUp, data) {
  const kpi = data.kpis.find(k => rollUp.kpiIds.includes(k.id));
  return kpi ? kpi.name : words(rollUp.standardCode);
}

function rollUpCard(rollUp, data) {
  const name = rollUpName(rollUp, data);
  const regions = new Set(data.kpis.filter(k => rollUp.kpiIds.includes(k.id)).map(k => k.regionId));
  const progress = rollUp.progress || {};
  return el('li', null, el('article', {class: 'card rollup-card', dataset: {rollup: rollUp.standardCode}},
    el('h3', null, name),
    el('p', {class: 'rollup-meta'}, t('rollup.meta', {code: rollUp.standardCode, regions: tn('rollup.regions', regions.size),
      method: t(`rollUp.${rollUp.method}`)})),
    badge(progress.status),
    el('dl', {class: 'facts'},
      el('dt', null, t('kpi.latest')), el('dd', null, progress.latest ? quantity(progress.latest.value, rollUp.unit) : t('kpi.noMeasurement')),
      el('dt', null, t('kpi.target')), el('dd', null, targetText(progress, rollUp.unit)),
      el('dt', null, t('kpi.pace')), el('dd', null, paceText(progress, rollUp.unit)),
      el('dt', null, t('kpi.projection')), el('dd', null, projectionText(progress))),
    chartWithTable({title: name, unit: rollUp.unit, series: kpiSeries(rollUp, rollUp.series || []), tableInDetails: true})));
}

export async function mount(root, route) {
  let data = await api.overview();
  let theme = route.query.get('thema') || '';
  const themeSelect = select([], theme, {dataset: {key: 'theme-filter'}});
  const content = el('div', {class: 'overview'});
  const updated = el('p', {class: 'updated'});
  root.append(...pageTitle(t('overview.title'), t('overview.intro')), updated,
    el('form', {class: 'filter-bar', onsubmit: event => event.preventDefault()},
      field('theme-filter', t('overview.themeFilter'), themeSelect, t('overview.themeFilterHint'))),
    content);

  function fillThemes() {
    const ids = [...new Set([...data.themes.map(s => s.key), ...data.kpis.map(k => k.theme)])].sort();
    if (theme && !ids.includes(theme)) {
      ids.push(theme);
    }
    const options = [{value: '', label: t('overview.allThemes')}, ...ids.map(id => ({value: id, label: themeName(id)}))];
    const signature = options.map(o => o.value).join('|');
    if (themeSelect.dataset.options !== signature) {
      setOptions(themeSelect, options, theme);
      themeSelect.dataset.options = signature;
    }
    themeSelect.value = theme;
  }

  function draw() {
    fillThemes();
    updated.textContent = t('overview.updated', {time: time(data.generatedAt)});
    const themes = regionThemes(data);
    const regions = data.regions.filter(r => !theme || (themes.get(r.id) || new Set()).has(theme));
    const kpiTheme = new Map(data.kpis.map(k => [k.id, k.theme]));
    const rollUps = data.rollUps.filter(r => !theme || r.kpiIds.some(id => kpiTheme.get(id) === theme));
    if (!data.regions.length) {
      replace(content, notice(t('overview.empty')), el('p', null, el('a', {href: paths.admin()}, t('overview.emptyAction'))));
      return;
    }
    replace(content,
      stats(data, regions, rollUps),
      el('section', {class: 'regions', 'aria-labelledby': 'regions-title'},
        el('h2', {id: 'regions-title'}, theme ? t('overview.regionsInTheme', {theme: themeName(theme)}) : t('overview.regionsTitle')),
        regions.length
          ? el('div', {class: 'regions-layout'}, mapPanel(regions), el('ul', {class: 'region-cards'}, regions.map(regionCard)))
          : notice(t('overview.noRegionsInTheme'))),
      el('section', {class: 'rollups', 'aria-labelledby': 'rollups-title'},
        el('h2', {id: 'rollups-title'}, t('overview.rollUpsTitle')),
        el('p', {class: 'section-intro'}, t('overview.rollUpsIntro')),
        rollUps.length ? el('ul', {class: 'rollup-grid'}, rollUps.map(r => rollUpCard(r, data))) : notice(t('overview.noRollUps')),
        data.rollUpProblems.length ? el('div', {class: 'card'}, el('h3', null, t('overview.rollUpProblems')),
          el('ul', null, data.rollUpProblems.map(p => el('li', null, p)))) : null));
  }

  themeSelect.addEventListener('change', () => {
    theme = themeSelect.value;
    setQuery({thema: theme});
    draw();
    const shown = content.querySelectorAll('.region-card').length;
    announce(tn('overview.filtered', shown, {theme: theme ? themeName(theme) : t('overview.allThemes')}));
  });
  draw();

  return {
    async update() {
      const before = new Map(data.regions.map(r => [r.id, r.name]));
      data = await api.overview();
      draw();
      const after = new Map(data.regions.map(r => [r.id, r.name]));
      const added = [...after.keys()].filter(id => !before.has(id)).map(id => after.get(id));
      const removed = [...before.keys()].filter(id => !after.has(id)).map(id => before.get(id));
      const messages = [...added.map(name => t('live.regionAdded', {name})), ...removed.map(name => t('live.regionRemoved', {name}))];
      announce(messages.length ? messages.join(' ') : t('live.overviewUpdated'));
    },
  };
}
