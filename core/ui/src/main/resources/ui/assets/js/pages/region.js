// A region: its opgaven with their KPIs (status, sparkline, pace), and the pilot's own screens in the navigation.

import {el, details, paragraphs, replace} from '../dom.js';
import {t, themeName} from '../i18n.js';
import {api} from '../api.js';
import {announce} from '../live.js';
import {paths} from '../router.js';
import {kpiCard} from '../kpi.js';
import {renderScreen} from '../widgets.js';
import {breadcrumb, errorCard, exampleTag, home, pageTitle} from '../components.js';

function screenNav(detail, current) {
  const item = (href, label, active) => el('li', null,
    el('a', {href, 'aria-current': active ? 'page' : null, class: active ? 'active' : null}, label));
  return el('nav', {class: 'sub-nav', 'aria-label': t('region.screensNav', {region: detail.region.name})},
    el('ul', null,
      item(paths.region(detail.region.id), t('region.opgavenTab'), !current),
      detail.screens.map(screen => item(paths.region(detail.region.id, screen.id), screen.title || screen.id, current === screen.id))));
}

function opgaveSection(opgave, kpis, measurements) {
  const headingId = `opgave-${opgave.id}`;
  return el('section', {class: 'opgave', 'aria-labelledby': headingId},
    el('h2', {id: headingId}, opgave.title),
    el('p', {class: 'opgave-theme'}, el('span', {class: 'tag'}, themeName(opgave.theme.id))),
    paragraphs(opgave.description, {class: 'opgave-description'}),
    details([
      [t('region.trekker'), opgave.trekker],
      [t('region.partners'), opgave.partners && opgave.partners.length ? opgave.partners.join(', ') : null],
    ], {class: 'facts facts-inline'}),
    kpis.length
      ? el('ul', {class: 'kpi-grid'}, kpis.map(kpi => el('li', null, kpiCard(kpi, measurements.get(kpi.id)))))
      : el('p', null, t('region.noKpis')));
}

export async function mount(root, route) {
  const regionId = route.params.region;
  const screenId = route.params.screen;
  const cache = new Map();
  const measurementsOf = kpiId => {
    if (!cache.has(kpiId)) {
      cache.set(kpiId, api.measurements(kpiId).catch(() => []));
    }
    return cache.get(kpiId);
  };
  let kpiIds = new Set();
  const body = el('div', {class: 'region-page'});
  root.append(body);

  async function draw() {
    cache.clear();
    const detail = await api.region(regionId);
    const region = detail.region;
    kpiIds = new Set(detail.kpis.map(k => k.id));
    const screen = screenId ? detail.screens.find(s => s.id === screenId) : null;
    const title = screen ? t('region.screenTitle', {region: region.name, screen: screen.title || screen.id}) : region.name;
    const crumbs = [home(), {label: region.name, href: paths.region(region.id)}];
    if (screenId) {
      crumbs.push({label: screen ? screen.title || screen.id : screenId});
    }
    let main;
    if (screenId && !screen) {
      main = errorCard(t('region.screenMissing', {screen: screenId}), t('region.screenMissingText'), 'h2');
    } else if (screen) {
      main = await renderScreen(screen, detail, measurementsOf);
    } else {
      const measurements = new Map();
      await Promise.all(detail.kpis.map(async kpi => measurements.set(kpi.id, await measurementsOf(kpi.id))));
      main = detail.opgaven.map(opgave => opgaveSection(opgave, detail.kpis.filter(k => k.opgaveId === opgave.id), measurements));
    }
    replace(body,
      breadcrumb(crumbs),
      pageTitle(title),
      el('p', {class: 'region-meta'}, t(`kind.${region.kind}`),
        region.cbsCodes && region.cbsCodes.length ? ` · ${t('region.cbsCodes', {codes: region.cbsCodes.join(', ')})}` : '',
        ' ', detail.exampleData ? exampleTag() : null),
      detail.exampleData ? el('p', {class: 'notice notice-info'}, t('region.exampleDataNote')) : null,
      screenNav(detail, screenId),
      main);
  }

  await draw();
  return {
    async update(events) {
      const relevant = events.some(e => e.type === 'reconnect' || e.data.region === regionId
        || e.data.regionId === regionId || kpiIds.has(e.data.kpiId));
      if (!relevant) {
        return;
      }
      const frame = body.querySelector('iframe');
      if (frame && !events.some(e => e.type === 'contribution' || e.type === 'bundle')) {
        return; // a pilot page keeps its own state; only a new version of the pilot reloads it
      }
      await draw();
      announce(t('live.regionUpdated', {region: body.querySelector('h1').textContent}));
    },
  };
}
