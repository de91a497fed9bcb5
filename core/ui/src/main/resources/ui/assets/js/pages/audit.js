// The audit log, for admins and read-only: who did what and when, newest first; filtered on actor and action, and
// read page by page (the API says where the next, older page is).

import {append, el, replace} from '../dom.js';
import {has, t} from '../i18n.js';
import {dateTime} from '../format.js';
import {api} from '../api.js';
import {announce} from '../live.js';
import {setQuery} from '../router.js';
import {dataTable} from '../table.js';
import {field, pageTitle, select} from '../components.js';
import {adminNav} from './admin.js';

/** The actions the platform records (the constants of nl.proeftuin.security.AuditLog). */
const ACTIONS = ['login', 'login.failed', 'logout', 'bundle.deploy', 'bundle.update', 'bundle.remove', 'bundle.refused',
  'measurements.record', 'lesson.add', 'user.create', 'user.update', 'user.password', 'user.delete'];
const PAGE_SIZE = 50;

function actionName(action) {
  return has(`audit.action.${action}`) ? t(`audit.action.${action}`) : action;
}

export async function mount(root, route) {
  const filter = {actor: route.query.get('actor') || '', action: route.query.get('action') || ''};
  const actions = ACTIONS.includes(filter.action) || !filter.action ? ACTIONS : [...ACTIONS, filter.action];
  const actor = el('input', {type: 'text', name: 'actor', value: filter.actor, autocomplete: 'off', spellcheck: 'false',
    dataset: {key: 'audit-actor'}});
  const action = select([{value: '', label: t('audit.allActions')}, ...actions.map(a => ({value: a, label: actionName(a)}))],
    filter.action, {dataset: {key: 'audit-action'}});
  const table = el('div', {class: 'audit-table'});
  const pager = el('nav', {class: 'pager', 'aria-label': t('audit.pager')});
  // pages[i]: where page i is (null for the first, which the filter gives); index: the page shown
  let pages = [null];
  let index = 0;

  async function show(to) {
    const body = to === 0 ? await api.audit({...filter, limit: PAGE_SIZE}) : await api.auditPage(pages[to]);
    index = to;
    pages = pages.slice(0, to + 1);
    if (body.next) {
      pages.push(body.next);
    }
    const rows = body.entries.map(e => [dateTime(e.at), e.actor, actionName(e.action), e.target || '', e.detail || '']);
    replace(table, rows.length
      ? dataTable([{label: t('audit.col.at')}, {label: t('audit.col.actor')}, {label: t('audit.col.action')},
        {label: t('audit.col.target')}, {label: t('audit.col.detail')}], rows, {caption: t('audit.tableCaption', {page: index + 1})})
      : el('p', null, t('audit.none')));
    replace(pager,
      index > 0 ? el('button', {type: 'button', class: 'button button-secondary', dataset: {key: 'audit-newer'},
        onclick: () => turn(index - 1)}, t('audit.newer')) : null,
      el('span', {class: 'pager-page'}, t('audit.page', {page: index + 1})),
      pages.length > index + 1 ? el('button', {type: 'button', class: 'button button-secondary', dataset: {key: 'audit-older'},
        onclick: () => turn(index + 1)}, t('audit.older')) : null);
    return rows.length;
  }

  async function turn(to) {
    await show(to);
    announce(t('audit.shown', {page: to + 1}));
  }

  const form = el('form', {class: 'filter-bar'},
    field('audit-actor', t('audit.actor'), actor, t('audit.actorHint')),
    field('audit-action', t('audit.action'), action),
    el('button', {type: 'submit', class: 'button'}, t('audit.filter')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    filter.actor = actor.value.trim();
    filter.action = action.value;
    setQuery({actor: filter.actor, action: filter.action});
    pages = [null];
    const shown = await show(0);
    announce(shown ? t('audit.filtered', {count: shown}) : t('audit.none'));
  });

  append(root, pageTitle(t('audit.title'), t('audit.intro')), adminNav('audit'), form,
    el('section', {class: 'audit', 'aria-labelledby': 'audit-list-title'},
      el('h2', {id: 'audit-list-title'}, t('audit.listTitle')), table, pager));
  await show(0);

  return {
    async update(events) {
      // what people do shows up here: the newest page follows it, older pages stay as they are
      if (index === 0 && events.some(e => e.type !== 'reconnect')) {
        await show(0);
      }
    },
  };
}
