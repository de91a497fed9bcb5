// User management, for admins: every user with role and regions; add one, change role and regions, set a password,
// delete one after a confirmation. The platform checks every change; what it refuses is shown beside the field.

import {append, el, replace} from '../dom.js';
import {t, tn} from '../i18n.js';
import {api} from '../api.js';
import {announce} from '../live.js';
import {user as me} from '../session.js';
import {dataTable} from '../table.js';
import {missing, showProblems, showRefusal, clearErrors} from '../forms.js';
import {checkboxGroup, checkedField, dialog, pageTitle, select, successMessage} from '../components.js';
import {adminNav} from './admin.js';

const ROLES = ['viewer', 'editor', 'admin'];

function roleSelect(selected) {
  return select(ROLES.map(role => ({value: role, label: t(`role.${role}`)})), selected);
}

/** A role select with the region picker beside it, shown only while the role is editor. */
function roleAndRegions(prefix, regionChoices, chosenRole, chosenRegions) {
  const role = checkedField(`${prefix}-role`, t('users.role'), roleSelect(chosenRole), t('users.roleHint'));
  const regions = checkboxGroup(`${prefix}-regions`, t('users.regions'), t('users.regionsHint'));
  const known = new Set(regionChoices.map(c => c.value));
  // regions the user edits whose pilot is not deployed now stay choosable, so that saving does not drop them
  regions.setChoices([...regionChoices, ...(chosenRegions || []).filter(id => !known.has(id)).map(id => ({value: id, label: id}))],
    chosenRegions);
  const sync = () => {
    regions.element.hidden = role.control.value !== 'editor';
  };
  role.control.addEventListener('change', sync);
  sync();
  return {role, regions, change: () => ({role: role.control.value, regions: role.control.value === 'editor' ? regions.values() : []})};
}

/** The regions a user changes: an editor's own, every region for an admin, none for a viewer. */
function regionsText(u, names) {
  if (u.role === 'editor') {
    return (u.regions || []).map(id => names.get(id) || id).join(', ');
  }
  return t(u.role === 'admin' ? 'users.regionsAll' : 'users.regionsNone');
}

export async function mount(root) {
  let [users, regions] = await Promise.all([api.users(), api.regions()]);
  const names = new Map(regions.map(r => [r.id, r.name]));
  const choices = () => regions.map(r => ({value: r.id, label: r.name}));
  const table = el('div', {class: 'user-table'});
  const count = el('h2', {id: 'users-title'});
  const pageResult = el('div', {class: 'form-result'});

  async function refresh() {
    [users, regions] = await Promise.all([api.users(), api.regions()]);
    regions.forEach(r => names.set(r.id, r.name));
    draw();
  }

  function done(text) {
    replace(pageResult, successMessage(text));
    announce(text);
  }

  function open(box) {
    root.append(box);
    box.showModal();
  }

  function openEdit(u) {
    const fields = roleAndRegions('user-edit', choices(), u.role, u.regions);
    const result = el('div', {class: 'form-result'});
    const all = {role: fields.role, regions: fields.regions};
    const form = el('form', {class: 'form', novalidate: true},
      el('p', {class: 'hint'}, t('users.edit.intro', {name: u.username})),
      fields.role.element, fields.regions.element,
      el('p', {class: 'actions'},
        el('button', {type: 'submit', class: 'button'}, t('users.edit.submit')),
        el('button', {type: 'button', class: 'button button-secondary', onclick: () => box.close()}, t('dialog.cancel'))),
      result);
    const box = dialog(t('users.edit.title', {name: u.username}), form);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const change = fields.change();
      if (change.role === 'editor' && !change.regions.length) {
        showProblems(result, t('form.errorTitle'), missing([['regions', true, t('users.missingRegions')]]), all);
        return;
      }
      try {
        await api.updateUser(u.username, change);
        box.close();
        if (me() && me().username === u.username) {
          window.location.reload(); // one's own role changed: the whole dashboard offers other things now
          return;
        }
        done(t('users.edit.done', {name: u.username}));
        await refresh();
      } catch (error) {
        showRefusal(result, t('users.edit.failed'), error, all, {conflictField: 'role'});
      }
    });
    open(box);
  }

  function openPassword(u) {
    const password = checkedField('user-password-new', t('users.password'), el('input', {type: 'password',
      autocomplete: 'new-password', required: true}), t('users.passwordHint'));
    const all = {password};
    const result = el('div', {class: 'form-result'});
    const form = el('form', {class: 'form', novalidate: true}, password.element,
      el('p', {class: 'actions'},
        el('button', {type: 'submit', class: 'button'}, t('users.setPassword.submit')),
        el('button', {type: 'button', class: 'button button-secondary', onclick: () => box.close()}, t('dialog.cancel'))),
      result);
    const box = dialog(t('users.setPassword.title', {name: u.username}), form);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!password.control.value) {
        showProblems(result, t('form.errorTitle'), missing([['password', true, t('users.missingPassword')]]), all);
        return;
      }
      try {
        await api.setPassword(u.username, password.control.value);
        box.close();
        done(t('users.setPassword.done', {name: u.username}));
      } catch (error) {
        showRefusal(result, t('users.setPassword.failed'), error, all);
      }
    });
    open(box);
  }

  function openDelete(u) {
    const result = el('div', {class: 'form-result'});
    const box = dialog(t('users.delete.title', {name: u.username}),
      el('p', null, t('users.delete.intro', {name: u.username})),
      result,
      el('p', {class: 'actions'},
        el('button', {type: 'button', class: 'button button-danger', onclick: async () => {
          try {
            await api.deleteUser(u.username);
            box.close();
            done(t('users.delete.done', {name: u.username}));
            await refresh();
          } catch (error) {
            showRefusal(result, t('users.delete.failed'), error, {});
          }
        }}, t('users.delete.confirm')),
        el('button', {type: 'button', class: 'button button-secondary', autofocus: true, onclick: () => box.close()},
          t('dialog.cancel'))));
    open(box);
  }

  function actions(u) {
    const admins = users.filter(other => other.role === 'admin').length;
    // deleting oneself or the last admin would lock people out; the platform refuses the latter anyway
    const deletable = !(me() && me().username === u.username) && !(u.role === 'admin' && admins <= 1);
    return el('span', {class: 'row-actions'},
      el('button', {type: 'button', class: 'button button-small button-secondary', dataset: {key: `edit-${u.username}`},
        'aria-label': t('users.edit.label', {name: u.username}), onclick: () => openEdit(u)}, t('users.edit.button')),
      el('button', {type: 'button', class: 'button button-small button-secondary', dataset: {key: `password-${u.username}`},
        'aria-label': t('users.setPassword.label', {name: u.username}), onclick: () => openPassword(u)}, t('users.setPassword.button')),
      deletable ? el('button', {type: 'button', class: 'button button-small button-danger', dataset: {key: `delete-${u.username}`},
        'aria-label': t('users.delete.label', {name: u.username}), onclick: () => openDelete(u)}, t('users.delete.button')) : null);
  }

  function draw() {
    count.textContent = tn('users.listTitle', users.length);
    const sorted = [...users].sort((a, b) => a.username.localeCompare(b.username));
    replace(table, dataTable(
      [{label: t('users.col.username')}, {label: t('users.col.role')}, {label: t('users.col.regions')}, {label: t('users.col.actions')}],
      sorted.map(u => [u.username, t(`role.${u.role}`), regionsText(u, names), actions(u)]),
      {caption: t('users.tableCaption')}));
  }

  function createForm() {
    const username = checkedField('user-new-name', t('users.username'), el('input', {type: 'text', name: 'username',
      autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: 64}), t('users.usernameHint'));
    const fields = roleAndRegions('user-new', choices(), 'viewer', []);
    const password = checkedField('user-new-password', t('users.password'), el('input', {type: 'password', name: 'password',
      autocomplete: 'new-password'}), t('users.passwordHint'));
    const all = {username, role: fields.role, regions: fields.regions, password};
    const result = el('div', {class: 'form-result'});
    const form = el('form', {class: 'card form', novalidate: true, 'aria-labelledby': 'user-new-title'},
      el('h2', {id: 'user-new-title'}, t('users.create.title')),
      username.element, fields.role.element, fields.regions.element, password.element,
      el('button', {type: 'submit', class: 'button'}, t('users.create.submit')),
      result);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const change = fields.change();
      const user = {username: username.control.value.trim(), ...change, password: password.control.value};
      const problems = missing([
        ['username', !user.username, t('users.missingUsername')],
        ['regions', user.role === 'editor' && !user.regions.length, t('users.missingRegions')],
        ['password', !user.password, t('users.missingPassword')]]);
      if (problems.length) {
        showProblems(result, t('form.errorTitle'), problems, all);
        return;
      }
      try {
        await api.createUser(user);
        form.reset();
        fields.role.control.dispatchEvent(new Event('change'));
        clearErrors(all);
        replace(result, successMessage(t('users.create.done', {name: user.username})));
        await refresh();
      } catch (error) {
        showRefusal(result, t('users.create.failed'), error, all, {conflictField: 'username'});
      }
    });
    return form;
  }

  append(root, pageTitle(t('users.title'), t('users.intro')), adminNav('users'), pageResult,
    el('section', {class: 'users', 'aria-labelledby': 'users-title'}, count, table),
    createForm());
  draw();
  return {};
}
