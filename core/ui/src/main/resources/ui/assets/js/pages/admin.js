// Administration: every pilot bundle with its state, version, region and problems in words; upload a JAR to install
// or replace a pilot, and remove one. Follows the deployer's events live. Uploading is offered to editors and admins,
// replacing and removing only for the pilots of regions the user edits; admins also get the users and the audit log.

import {append, el, replace} from '../dom.js';
import {t, tn} from '../i18n.js';
import {dateTime, number} from '../format.js';
import {api, ApiError, problemText} from '../api.js';
import {announce} from '../live.js';
import {paths} from '../router.js';
import {statusIcon} from '../status.js';
import {dataTable} from '../table.js';
import {mayEdit, editsAnything, isAdmin, user} from '../session.js';
import {dialog, errorSummary, field, invalid, notice, pageTitle, subNav, successMessage} from '../components.js';

/** The deployer's states, shown with the icon of the nearest progress status. */
const STATE_ICONS = {RUNNING: 'ACHIEVED', STARTING: 'NO_DATA', WAITING: 'AT_RISK', FAILED: 'OFF_TRACK', INVALID: 'OFF_TRACK'};

function stateBadge(deployment) {
  const state = deployment.state in STATE_ICONS ? deployment.state : 'FAILED';
  return el('span', {class: `status state-${state.toLowerCase()}`}, statusIcon(STATE_ICONS[state]),
    el('span', {class: 'status-text'}, t(`deployment.${state}`)));
}

function contents(d) {
  return [tn('admin.opgaven', d.opgaven), tn('admin.kpis', d.kpis), tn('admin.screens', d.screens)].join(', ');
}

function uploadForm(id, label, hint, submitText, onUpload) {
  const file = el('input', {type: 'file', name: 'file', accept: '.jar,application/java-archive'});
  const result = el('div', {class: 'form-result'});
  const button = el('button', {type: 'submit', class: 'button', id: `${id}-submit`}, submitText);
  const form = el('form', {class: 'form', novalidate: true}, field(id, label, file, hint), button, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!file.files.length) {
      invalid(file, true);
      replace(result, errorSummary(t('form.errorTitle'), null, [t('admin.upload.missingFile')]));
      return;
    }
    invalid(file, false);
    button.disabled = true;
    replace(result, el('p', {class: 'loading', role: 'status'}, t('admin.upload.busy')));
    try {
      const deployment = await api.upload(file.files[0]);
      form.reset();
      replace(result, successMessage(t('admin.upload.done', {name: deployment.symbolicName || deployment.fileName,
        version: deployment.version || '', state: t(`deployment.${deployment.state}`)})));
      await onUpload(deployment);
    } catch (error) {
      replace(result, errorSummary(t('admin.upload.failed'), problemText(error), error instanceof ApiError ? error.errors : []));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The admin pages' own navigation (pilots, users, audit log): for admins only, the others have the pilots alone. */
export function adminNav(current) {
  if (!isAdmin()) {
    return null;
  }
  return subNav(t('admin.nav'), [
    {href: paths.admin(), label: t('admin.nav.pilots'), current: current === 'admin'},
    {href: paths.users(), label: t('admin.nav.users'), current: current === 'users'},
    {href: paths.audit(), label: t('admin.nav.audit'), current: current === 'audit'},
  ]);
}

/** What the upload form says about the regions the user may deploy pilots for. */
function uploadScope() {
  const u = user();
  return u.role === 'admin' ? t('admin.upload.intro') : `${t('admin.upload.intro')} ${t('admin.upload.editorScope', {regions: u.regions.join(', ')})}`;
}

export async function mount(root) {
  let bundles = await api.bundles();
  const health = el('div', {class: 'health'});
  const table = el('div', {class: 'bundle-table'});
  const count = el('h2', {id: 'bundles-title'});

  async function refresh() {
    bundles = await api.bundles();
    draw();
  }

  function openReplace(deployment) {
    const box = dialog(t('admin.replace.title', {name: deployment.symbolicName || deployment.fileName}),
      el('p', null, t('admin.replace.intro')),
      uploadForm('replace-file', t('admin.replace.file'), t('admin.upload.hint'), t('admin.replace.submit'), async () => {
        await refresh();
      }),
      el('button', {type: 'button', class: 'button button-secondary', onclick: () => box.close()}, t('dialog.close')));
    root.append(box);
    box.showModal();
  }

  function openRemove(deployment) {
    const name = deployment.symbolicName;
    const result = el('div', {class: 'form-result'});
    const box = dialog(t('admin.remove.title', {name}),
      el('p', null, t('admin.remove.intro', {name, region: deployment.region || t('value.unknown')})),
      result,
      el('p', {class: 'actions'},
        el('button', {type: 'button', class: 'button button-danger', onclick: async () => {
          try {
            await api.remove(name);
            box.close();
            announce(t('admin.remove.done', {name}));
            await refresh();
          } catch (error) {
            replace(result, errorSummary(t('admin.remove.failed'), problemText(error), []));
          }
        }}, t('admin.remove.confirm')),
        ' ',
        el('button', {type: 'button', class: 'button button-secondary', autofocus: true, onclick: () => box.close()},
          t('dialog.cancel'))));
    root.append(box);
    box.showModal();
  }

  /** Replace and remove, for the pilots of regions the user edits (pilots without a region: admins only). */
  function actions(d, name) {
    if (!mayEdit(d.region)) {
      return el('span', {class: 'no-actions'}, t('admin.noActions'));
    }
    return el('span', {class: 'row-actions'},
      el('button', {type: 'button', class: 'button button-small button-secondary', dataset: {key: `replace-${name}`},
        'aria-label': t('admin.replace.label', {name}), onclick: () => openReplace(d)}, t('admin.replace.button')),
      d.symbolicName ? el('button', {type: 'button', class: 'button button-small button-danger', dataset: {key: `remove-${name}`},
        'aria-label': t('admin.remove.label', {name}), onclick: () => openRemove(d)}, t('admin.remove.button')) : null);
  }

  function draw() {
    count.textContent = tn('admin.bundlesTitle', bundles.length);
    const columns = [{label: t('admin.col.pilot')}, {label: t('admin.col.version')}, {label: t('admin.col.region')},
      {label: t('admin.col.state')}, {label: t('admin.col.contents')}, {label: t('admin.col.changed')},
      {label: t('admin.col.problems')}, editsAnything() ? {label: t('admin.col.actions')} : null].filter(Boolean);
    const rows = bundles.map(d => {
      const name = d.symbolicName || d.fileName;
      const row = [
        el('span', {class: 'bundle-name'}, el('span', {class: 'code'}, name), el('span', {class: 'file-name'}, d.fileName)),
        d.version || t('value.unknown'),
        d.region ? (d.state === 'RUNNING' ? el('a', {href: paths.region(d.region)}, d.region) : d.region) : t('admin.noRegion'),
        el('span', null, stateBadge(d), d.bundleState ? el('span', {class: 'bundle-state'}, t('admin.bundleState', {state: d.bundleState})) : null),
        contents(d),
        dateTime(d.changedAt),
        d.problems.length ? el('ul', {class: 'problems'}, d.problems.map(p => el('li', null, p))) : t('admin.noProblems'),
      ];
      if (editsAnything()) {
        row.push(actions(d, name));
      }
      return row;
    });
    replace(table, bundles.length ? dataTable(columns, rows, {caption: t('admin.tableCaption')}) : el('p', null, t('admin.none')));
  }

  async function drawHealth() {
    try {
      const h = await api.health();
      replace(health, el('dl', {class: 'facts facts-inline'},
        el('dt', null, t('admin.health.status')), el('dd', null, t(`admin.health.${h.status}`)),
        el('dt', null, t('admin.health.version')), el('dd', null, h.version),
        el('dt', null, t('admin.health.bundles')), el('dd', null, t('admin.health.active', {active: number(h.activeBundles), total: number(h.totalBundles)}))));
    } catch (error) {
      replace(health, el('p', null, problemText(error)));
    }
  }

  append(root, pageTitle(t('admin.title'), t('admin.intro')),
    adminNav('admin'),
    el('section', {class: 'card', 'aria-labelledby': 'health-title'}, el('h2', {id: 'health-title'}, t('admin.health.title')), health),
    editsAnything()
      ? el('section', {class: 'card', 'aria-labelledby': 'upload-title'},
        el('h2', {id: 'upload-title'}, t('admin.upload.title')),
        el('p', null, uploadScope()),
        uploadForm('upload-file', t('admin.upload.file'), t('admin.upload.hint'), t('admin.upload.submit'), refresh))
      : notice(t('admin.readOnly')),
    el('section', {class: 'bundles', 'aria-labelledby': 'bundles-title'}, count, table));
  draw();
  await drawHealth();

  return {
    async update(events) {
      if (!events.some(e => e.type === 'bundle' || e.type === 'contribution' || e.type === 'reconnect')) {
        return;
      }
      await refresh();
      await drawHealth();
      const said = events.filter(e => e.type === 'bundle').map(e => t(`live.bundle.${e.data.kind}`,
        {name: e.data.symbolicName || e.data.fileName || ''}));
      announce(said.length ? said.join(' ') : t('live.bundlesUpdated'));
    },
  };
}
