// The dashboard's shell: header with the language switch, navigation, the page, footer; live events from the
// platform go to the page that is shown, which fetches again what changed.

import {el, replace} from './dom.js';
import {initialLanguage, language, LANGUAGES, load, t} from './i18n.js';
import {announce, connect, subscribe} from './live.js';
import {paths, refresh, start} from './router.js';
import {sweep} from './charts.js';
import {problemText} from './api.js';
import {errorCard, loading} from './components.js';
import * as overview from './pages/overview.js';
import * as region from './pages/region.js';
import * as kpi from './pages/kpi.js';
import * as compare from './pages/compare.js';
import * as lessons from './pages/lessons.js';
import * as entry from './pages/entry.js';
import * as admin from './pages/admin.js';
import * as notFound from './pages/notfound.js';

// set once per document load: a test can tell a client-side navigation from a reload
window.proeftuinLoadId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
// what went wrong in this document, for the browser tests: Content-Security-Policy violations and script errors
window.proeftuinCspViolations = [];
window.proeftuinErrors = [];
document.addEventListener('securitypolicyviolation', event => {
  window.proeftuinCspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
window.addEventListener('error', event => window.proeftuinErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', event => window.proeftuinErrors.push(String(event.reason)));

const PAGES = {overview, region, kpi, compare, lessons, entry, admin, notFound};
const NAV = [
  {page: 'overview', href: paths.overview(), key: 'nav.overview'},
  {page: 'compare', href: paths.compare(), key: 'nav.compare'},
  {page: 'lessons', href: paths.lessons(), key: 'nav.lessons'},
  {page: 'entry', href: paths.entry(), key: 'nav.entry'},
  {page: 'admin', href: paths.admin(), key: 'nav.admin'},
];
const DEBOUNCE_MILLIS = 250;

let main;
let nav;
let liveStatus;
let current = null;
let generation = 0;
let firstPage = true;
let pending = [];
let timer = null;

function highlightNav(page) {
  const section = page === 'region' || page === 'kpi' ? 'overview' : page;
  nav.querySelectorAll('a').forEach(link => {
    if (link.dataset.page === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

async function show(route) {
  const mine = ++generation;
  if (current && current.destroy) {
    current.destroy();
  }
  current = null;
  highlightNav(route.page);
  main.dataset.state = 'loading';
  main.dataset.page = route.page;
  const page = el('div', {class: 'page'});
  replace(main, loading());
  try {
    const controller = await PAGES[route.page].mount(page, route);
    if (mine !== generation) {
      return;
    }
    current = controller || {};
    replace(main, page);
    main.dataset.state = 'ready';
  } catch (error) {
    if (mine !== generation) {
      return;
    }
    document.title = t('app.documentTitle', {page: t('error.pageTitle')});
    replace(main, el('h1', {id: 'page-title', tabindex: '-1', class: 'page-title'}, t('error.pageTitle')),
      errorCard(t('error.pageFailed'), problemText(error), 'h2'));
    main.dataset.state = 'error';
  }
  sweep();
  if (!firstPage) {
    window.scrollTo(0, 0);
    const heading = main.querySelector('h1');
    if (heading) {
      heading.focus();
    }
  }
  firstPage = false;
}

function flush() {
  timer = null;
  const events = pending;
  pending = [];
  if (!current || !current.update || main.dataset.state !== 'ready') {
    return;
  }
  const mine = generation;
  main.dataset.updating = 'true';
  current.update(events).catch(error => {
    if (mine === generation) {
      replace(main, errorCard(t('error.updateFailed'), problemText(error), 'h2'));
    }
  }).finally(() => {
    delete main.dataset.updating;
    sweep();
  });
}

function onLive(type, data) {
  pending.push({type, data});
  if (!timer) {
    timer = window.setTimeout(flush, DEBOUNCE_MILLIS);
  }
}

function setLiveState(state) {
  liveStatus.dataset.state = state;
  liveStatus.textContent = t(`live.state.${state}`);
}

async function switchLanguage() {
  const next = LANGUAGES.find(l => l !== language());
  await load(next, true);
  buildShell();
  refresh();
  announce(t('app.languageChanged'));
}

function buildShell() {
  const other = LANGUAGES.find(l => l !== language());
  nav = el('nav', {class: 'site-nav', 'aria-label': t('nav.label')},
    el('div', {class: 'wrap'}, el('ul', null, NAV.map(item => el('li', null,
      el('a', {href: item.href, dataset: {page: item.page}}, t(item.key)))))));
  liveStatus = el('p', {class: 'live-status', dataset: {state: 'connecting'}}, t('live.state.connecting'));
  main = el('main', {id: 'content', tabindex: '-1', class: 'wrap site-main', 'aria-labelledby': 'page-title'});
  const app = document.getElementById('app');
  replace(app,
    el('a', {class: 'skip-link', href: '#content'}, t('app.skipLink')),
    el('header', {class: 'site-header'},
      el('div', {class: 'wrap header-inner'},
        el('a', {class: 'brand', href: paths.overview()},
          el('span', {class: 'brand-mark', 'aria-hidden': 'true'}),
          el('span', {class: 'brand-text'}, el('span', {class: 'brand-name'}, t('app.name')),
            el('span', {class: 'brand-tagline'}, t('app.tagline')))),
        el('div', {class: 'header-tools'}, liveStatus,
          el('button', {type: 'button', class: 'language-switch', lang: other, onclick: switchLanguage},
            t(`app.switchTo.${other}`)))),
      nav),
    main,
    el('footer', {class: 'site-footer'},
      el('div', {class: 'wrap footer-inner'},
        el('p', null, t('app.footer')),
        el('ul', {class: 'footer-links'},
          el('li', null, el('a', {href: '/api/openapi.json'}, t('app.apiLink'))),
          el('li', null, t('map.attribution')),
          el('li', null, t('app.chartsCredit'))),
        el('div', {id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true'}))));
  setLiveState(window.proeftuinLiveState || 'connecting');
}

async function boot() {
  await load(initialLanguage());
  buildShell();
  connect(state => {
    window.proeftuinLiveState = state;
    setLiveState(state);
  });
  subscribe(onLive);
  start(show);
}

boot().catch(error => {
  document.getElementById('app').textContent = String(error);
});
