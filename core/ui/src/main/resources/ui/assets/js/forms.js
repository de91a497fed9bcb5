// What a form does with a refusal of the platform: every problem beside the field it is about (when the platform's
// words name one) and all of them in a summary that takes the focus.

import {ApiError, problemText} from './api.js';
import {errorLink, errorSummary} from './components.js';
import {replace} from './dom.js';

/**
 * The field a problem is about. The platform names the field first ("User.regions: ...", "role is missing; ...");
 * a conflict (409) is about conflictField (a taken username, the last admin's role), and any other problem that speaks
 * of a password is about passwordField. Null when no field fits: the problem then stands in the summary only.
 */
export function fieldOf(text, status, fields, {conflictField = null, passwordField = 'password'} = {}) {
  const named = /^(?:[A-Z][A-Za-z]*\.)?([a-zA-Z]+)\b/.exec(text);
  if (named && fields[named[1]]) {
    return named[1];
  }
  if (status === 409 && conflictField && fields[conflictField]) {
    return conflictField;
  }
  if (passwordField && fields[passwordField] && /password|wachtwoord/i.test(text)) {
    return passwordField;
  }
  return null;
}

/** Takes away every field's error. fields: {name: {setError, focusTarget}} as checkedField and checkboxGroup make. */
export function clearErrors(fields) {
  Object.values(fields).forEach(f => f.setError(null));
}

/**
 * Shows what went wrong: problems [{field, text}] (field may be null) beside their fields, and a summary in result
 * (a live region that takes the focus) with a link to each field. options: {detail (a sentence above the list),
 * level (the summary's heading: 'h2' on a form right under the page's h1)}.
 */
export function showProblems(result, title, problems, fields, {detail = null, level = 'h3'} = {}) {
  clearErrors(fields);
  const items = problems.map(problem => {
    const target = problem.field && fields[problem.field];
    if (!target) {
      return problem.text;
    }
    target.setError(problem.text);
    return errorLink(problem.text, target.focusTarget);
  });
  replace(result, errorSummary(title, detail, items, level));
}

/**
 * Shows a refusal of the platform (or a failure to reach it) on a form. options: those of fieldOf and of
 * showProblems (level).
 */
export function showRefusal(result, title, error, fields, options = {}) {
  const level = options.level || 'h3';
  if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) {
    showProblems(result, title, [], fields, {detail: problemText(error), level});
    return;
  }
  const texts = error.errors.length ? error.errors : [problemText(error)];
  showProblems(result, title, texts.map(text => ({field: fieldOf(text, error.status, fields, options), text})), fields, {level});
}

/** The problems of fields left empty: [{field, text}] for each [name, empty, text]. */
export function missing(checks) {
  return checks.filter(([, empty]) => empty).map(([field, , text]) => ({field, text}));
}
