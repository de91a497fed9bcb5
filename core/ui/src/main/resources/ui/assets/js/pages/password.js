// Changing one's own password: the current one, to show it is really the user, and the new one twice.

import {append, el, replace} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {user} from '../session.js';
import {clearErrors, missing, showProblems, showRefusal} from '../forms.js';
import {checkedField, pageTitle, successMessage} from '../components.js';

export async function mount(root) {
  const me = user();
  const input = autocomplete => el('input', {type: 'password', autocomplete, required: true});
  const current = checkedField('password-current', t('password.current'), input('current-password'));
  const fresh = checkedField('password-new', t('password.new'), input('new-password'), t('users.passwordHint'));
  const repeat = checkedField('password-repeat', t('password.repeat'), input('new-password'));
  const fields = {currentPassword: current, password: fresh, repeat};
  // the username, for password managers: which account the new password belongs to
  const account = el('input', {type: 'text', name: 'username', autocomplete: 'username', hidden: true, readonly: true});
  account.defaultValue = me.username;
  const result = el('div', {class: 'form-result'});
  const form = el('form', {class: 'card form', novalidate: true, 'aria-labelledby': 'page-title'},
    account,
    current.element, fresh.element, repeat.element,
    el('button', {type: 'submit', class: 'button'}, t('password.submit')),
    result);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = {currentPassword: current.control.value, password: fresh.control.value, repeat: repeat.control.value};
    const problems = missing([
      ['currentPassword', !values.currentPassword, t('password.missingCurrent')],
      ['password', !values.password, t('password.missingNew')],
      ['repeat', Boolean(values.password) && values.repeat !== values.password, t('password.mismatch')]]);
    if (problems.length) {
      showProblems(result, t('form.errorTitle'), problems, fields, {level: 'h2'});
      return;
    }
    try {
      await api.setPassword(me.username, values.password, values.currentPassword);
      // a new password ends the old sessions; the platform gave this browser a new one, with a new CSRF token
      await api.session();
      form.reset();
      clearErrors(fields);
      replace(result, successMessage(t('password.done')));
    } catch (error) {
      // a wrong current password is about that field; any other password problem about the new one
      const about = /current|huidig/i.test(error.message || '') ? 'currentPassword' : 'password';
      showRefusal(result, t('password.failed'), error, fields, {conflictField: null, passwordField: about, level: 'h2'});
    }
  });

  append(root, pageTitle(t('password.title'), t('password.intro', {name: me.username})), form);
  return {};
}
