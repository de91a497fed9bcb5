// The dashboard's shell: header with the language switch and who is logged in, navigation, the page, footer; live
// events from the platform go to the page that is shown, which fetches again what changed. Every page but the login
// page needs a session: without one the browser goes to the login page, and comes back after logging in.

import {el, replace} from './dom.js';
import {initialLanguage, language, LANGUAGES, load, t} from './i18n.js';
import {announce, connect, subscribe} from './live.js';
import {match, paths, refresh, start} from './router.js';
import {sweep} from './charts.js';
import {api, problemText} from './api.js';
import {editsAnything, toLogin, user} from './session.js';
import {errorCard, loading, notice} from './components.js';
import * as overview from './pages/overview.js';
import * as region from './pages/region.js';
import * as kpi from './pages/kpi.js';
import * as compare from './pages/compare.js';
import * as lessons from './pages/lessons.js';
import * as entry from './pages/entry.js';
import * as admin from './pages/admin.js';
import * as users from './pages/users.js';
import * as audit from './pages/audit.js';
import * as password from './pages/password.js';
import * as login from './pages/login.js';
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

const PAGES = {overview, region, kpi, compare, lessons, entry, admin, users, audit, password, login, notFound};
/** The main menu; data entry only for those who may enter data somewhere. */
const NAV = [
  {page: 'overview', href: paths.overview(), key: 'nav.overview'},
  {page: 'compare', href: paths.compare(), key: 'nav.compare'},
  {page: 'lessons', href: paths.lessons(), key: 'nav.lessons'},
  {page: 'entry', href: paths.entry(), key: 'nav.entry', shown: editsAnything},
  {page: 'admin', href: paths.admin(), key: 'nav.admin'},
];
/** The menu item a page belongs to. */
const SECTIONS = {region: 'overview', kpi: 'overview', users: 'admin', audit: 'admin'};
const DEBOUNCE_MILLIS = 250;

let main;
let nav = null;
let liveStatus = null;
let regionNames = new Map();
let current = null;
let generation = 0;
let firstPage = true;
let pending = [];
let timer = null;

function highlightNav(page) {
  if (!nav) {
    return;
  }
  const section = SECTIONS[page] || page;
  nav.querySelectorAll('a').forEach(link => {
    if (link.dataset.page === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

async function show(route) {
  if (route.page !== 'login' && !user()) {
    toLogin();
    return;
  }
  if (route.page !== 'login' && !nav) {
    // from the login page of a browser that was logged in after all: the shell of a user is needed
    window.location.reload();
    return;
  }
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
  if (!liveStatus) {
    return;
  }
  liveStatus.dataset.state = state;
  liveStatus.textContent = t(`live.state.${state}`);
}

async function logout(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await api.logout();
    window.location.assign(`${paths.login()}?uitgelogd=1`);
  } catch (error) {
    button.disabled = false;
    replace(main, el('h1', {id: 'page-title', tabindex: '-1', class: 'page-title'}, t('user.logoutFailed')),
      notice(problemText(error)));
    main.querySelector('h1').focus();
  }
}

/** Who is logged in, with the role (and the regions of an editor), the own-password page and logging out. */
function userMenu(who) {
  const role = who.role === 'editor'
    ? t('user.editorOf', {regions: (who.regions || []).map(id => regionNames.get(id) || id).join(', ')})
    : t(`role.${who.role}`);
  return el('div', {class: 'user-menu'},
    el('p', {class: 'user-who'}, t('user.signedInAs'), ' ', el('strong', {class: 'user-name'}, who.username),
      ' ', el('span', {class: 'user-role'}, `(${role})`)),
    el('p', {class: 'user-actions'},
      el('a', {href: paths.password()}, t('user.changePassword')),
      el('button', {type: 'button', class: 'button button-small button-secondary logout', onclick: logout}, t('user.logout'))));
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
  const who = user();
  nav = who ? el('nav', {class: 'site-nav', 'aria-label': t('nav.label')},
    el('div', {class: 'wrap'}, el('ul', null, NAV.filter(item => !item.shown || item.shown()).map(item => el('li', null,
      el('a', {href: item.href, dataset: {page: item.page}}, t(item.key))))))) : null;
  liveStatus = who ? el('p', {class: 'live-status', dataset: {state: 'connecting'}}, t('live.state.connecting')) : null;
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
            t(`app.switchTo.${other}`)),
          who ? userMenu(who) : null)),
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

/** The names of the regions an editor edits, for the header; their ids when the names cannot be fetched. */
async function loadRegionNames() {
  const who = user();
  if (!who || who.role !== 'editor') {
    return;
  }
  try {
    regionNames = new Map((await api.regions()).map(r => [r.id, r.name]));
  } catch (e) {
    regionNames = new Map();
  }
}

async function boot() {
  await load(initialLanguage());
  if (match(window.location).page !== 'login') {
    await api.session(); // without a session this leaves for the login page
    await loadRegionNames();
  }
  buildShell();
  if (user()) {
    connect(state => {
      window.proeftuinLiveState = state;
      setLiveState(state);
      if (state === 'closed') {
        // the stream was refused: most likely the session has ended (a 401 here leads to the login page)
        api.session().catch(() => {});
      }
    });
    subscribe(onLive);
  }
  start(show);
}

boot().catch(error => {
  document.getElementById('app').textContent = String(error);
});
