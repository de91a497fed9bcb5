// Logging in: username and password. Wrong credentials and too many attempts are said in words, beside the field
// and in a summary that takes the focus; then the user goes on to where they were going (`next`, a path on this site
// only) or to the overview.

import {append, el, replace} from '../dom.js';
import {t, tn} from '../i18n.js';
import {api, ApiError, problemText} from '../api.js';
import {safeNext, user} from '../session.js';
import {paths} from '../router.js';
import {missing, showProblems} from '../forms.js';
import {checkedField, notice, pageTitle, successMessage} from '../components.js';

export async function mount(root, route) {
  const next = safeNext(route.query.get('next') || '') || paths.overview();
  try {
    // a session may still be there (the page was opened by hand); knowing its CSRF token lets a new login replace it
    await api.session({anonymous: true});
  } catch (e) {
    // not logged in: the usual case
  }
  const username = checkedField('login-username', t('login.username'), el('input', {type: 'text', name: 'username',
    autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, maxlength: 64}));
  const password = checkedField('login-password', t('login.password'), el('input', {type: 'password', name: 'password',
    autocomplete: 'current-password', required: true}));
  const button = el('button', {type: 'submit', class: 'button'}, t('login.submit'));
  const result = el('div', {class: 'form-result'});
  const form = el('form', {class: 'card form login-form', novalidate: true, 'aria-labelledby': 'page-title'},
    username.element, password.element, button, result);

  const fields = {username, password};

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const name = username.control.value.trim().toLowerCase();
    const secret = password.control.value;
    const problems = missing([['username', !name, t('login.missingUsername')], ['password', !secret, t('login.missingPassword')]]);
    if (problems.length) {
      showProblems(result, t('form.errorTitle'), problems, fields, {level: 'h2'});
      return;
    }
    button.disabled = true;
    replace(result, el('p', {class: 'loading', role: 'status'}, t('login.busy')));
    try {
      await api.login(name, secret);
      window.location.replace(next);
    } catch (error) {
      button.disabled = false;
      password.control.value = '';
      if (error instanceof ApiError && error.status === 401) {
        // the same words whether the user exists or not, beside the password (the field to try again)
        showProblems(result, t('login.failed'), [{field: 'password', text: t('login.wrong')}], fields, {level: 'h2'});
      } else if (error instanceof ApiError && error.status === 429) {
        showProblems(result, t('login.failed'), [], fields,
          {detail: error.retryAfter ? tn('login.throttled', error.retryAfter) : t('error.throttledNow'), level: 'h2'});
      } else {
        showProblems(result, t('login.failed'), [], fields, {detail: problemText(error), level: 'h2'});
      }
    }
  });

  const current = user();
  append(root, pageTitle(t('login.title'), t('login.intro')),
    route.query.has('uitgelogd') ? successMessage(t('login.loggedOut')) : null,
    current ? notice(t('login.already', {name: current.username})) : null,
    !current && route.query.has('next') ? notice(t('login.needed')) : null,
    form);
  return {};
}
