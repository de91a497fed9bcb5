// Small building blocks shared by the pages.

import {el} from './dom.js';
import {t} from './i18n.js';
import {paths} from './router.js';

/** The page's title: the h1 that gets the focus after a navigation, and the document title. */
export function pageTitle(text, intro) {
  document.title = t('app.documentTitle', {page: text});
  return [el('h1', {id: 'page-title', tabindex: '-1', class: 'page-title'}, text), intro ? el('p', {class: 'lead'}, intro) : null];
}

/** A breadcrumb trail; the last item is the current page. items: [{label, href}] */
export function breadcrumb(items) {
  return el('nav', {class: 'breadcrumb', 'aria-label': t('nav.breadcrumb')},
    el('ol', null, items.map((item, index) => el('li', null, index === items.length - 1
      ? el('span', {'aria-current': 'page'}, item.label)
      : el('a', {href: item.href}, item.label)))));
}

export function home() {
  return {label: t('nav.overview'), href: paths.overview()};
}

/** A card that says what failed; the rest of the page works on. */
export function errorCard(title, text, level = 'h3') {
  return el('div', {class: 'card error-card', role: 'group', 'aria-label': title},
    el(level, {class: 'error-title'}, title),
    el('p', null, text || t('error.unexpected')));
}

export function notice(text, kind = 'info') {
  return el('p', {class: `notice notice-${kind}`}, text);
}

export function loading() {
  return el('p', {class: 'loading'}, t('app.loading'));
}

/**
 * An error summary for a form: what went wrong and every single problem. It takes the focus, so keyboard and
 * screen-reader users land on it. level: its heading, one below the heading of the form (h3 under an h2).
 */
export function errorSummary(title, detail, items, level = 'h3') {
  const summary = el('div', {class: 'error-summary', tabindex: '-1', role: 'alert'},
    el(level, {class: 'error-title'}, title),
    detail ? el('p', null, detail) : null,
    items && items.length ? el('ul', null, items.map(item => el('li', null, item))) : null);
  window.setTimeout(() => summary.focus(), 0);
  return summary;
}

export function successMessage(text) {
  return el('div', {class: 'success-message', role: 'status'}, el('p', null, text));
}

/** A form field: label, hint, control; the hint and the error are tied to the control with aria-describedby. */
export function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : null;
  control.id = id;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return el('div', {class: 'field'},
    el('label', {for: id}, label),
    hint ? el('p', {class: 'hint', id: hintId}, hint) : null,
    control);
}

/** Option elements for [{value, label}] or option groups [{label, options}]; the one with value selected is chosen. */
export function options(list, selected) {
  const option = o => el('option', {value: o.value, selected: o.value === selected}, o.label);
  return list.map(o => (o.options ? el('optgroup', {label: o.label}, o.options.map(option)) : option(o)));
}

/**
 * A select with options [{value, label}] or option groups [{label, options}]. To change its options later, use
 * setOptions: options moved out of another select would carry that select's choice along.
 */
export function select(list, selected, attrs) {
  return el('select', attrs, options(list, selected));
}

/** Replaces the options of a select, keeping the chosen value when it is still there. */
export function setOptions(control, list, selected) {
  control.replaceChildren(...options(list, selected));
  control.value = selected;
  if (control.selectedIndex < 0 && control.options.length) {
    control.selectedIndex = 0;
  }
}

/** The "example data" remark of pilots that mark their figures as illustrative. */
export function exampleTag() {
  return el('span', {class: 'tag tag-example'}, t('region.exampleData'));
}

/** Marks a form control as wrong (aria-invalid) or right again. */
export function invalid(control, bad) {
  if (bad) {
    control.setAttribute('aria-invalid', 'true');
  } else {
    control.removeAttribute('aria-invalid');
  }
}

function describe(control, ids) {
  const text = ids.filter(Boolean).join(' ');
  if (text) {
    control.setAttribute('aria-describedby', text);
  } else {
    control.removeAttribute('aria-describedby');
  }
}

/**
 * A form field that shows its own error beside it: {element, control, setError(text)}. The error stands between the
 * label (and hint) and the control, is tied to the control with aria-describedby and marks it aria-invalid;
 * setError(null) takes it away again.
 */
export function checkedField(id, label, control, hint) {
  const element = field(id, label, control, hint);
  const error = el('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  element.insertBefore(error, control);
  return {
    element,
    control,
    focusTarget: control,
    setError(text) {
      error.replaceChildren();
      if (text) {
        error.append(el('span', {class: 'visually-hidden'}, t('form.errorPrefix')), String(text));
      }
      error.hidden = !text;
      invalid(control, Boolean(text));
      describe(control, [hint ? `${id}-hint` : null, text ? error.id : null]);
    },
  };
}

/**
 * A group of check boxes in a fieldset with a legend: {element, values(), setChoices(list, chosen), setError(text)}.
 * list: [{value, label}]; chosen: the values that are ticked.
 */
export function checkboxGroup(id, legend, hint) {
  const hintId = hint ? `${id}-hint` : null;
  const error = el('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  const list = el('ul', {class: 'checkboxes'});
  const element = el('fieldset', {class: 'field fieldset', id, 'aria-describedby': hintId},
    el('legend', null, legend), hint ? el('p', {class: 'hint', id: hintId}, hint) : null, error, list);
  const group = {
    element,
    focusTarget: null,
    values: () => [...list.querySelectorAll('input:checked')].map(box => box.value),
    setChoices(choices, chosen) {
      const ticked = new Set(chosen || []);
      list.replaceChildren(...choices.map((choice, index) => {
        const boxId = `${id}-${index}`;
        return el('li', null, el('input', {type: 'checkbox', id: boxId, name: id, value: choice.value, checked: ticked.has(choice.value)}),
          el('label', {for: boxId}, choice.label));
      }));
      group.focusTarget = list.querySelector('input');
    },
    setError(text) {
      error.replaceChildren();
      if (text) {
        error.append(el('span', {class: 'visually-hidden'}, t('form.errorPrefix')), String(text));
      }
      error.hidden = !text;
      element.classList.toggle('fieldset-invalid', Boolean(text));
      describe(element, [hintId, text ? error.id : null]);
    },
  };
  return group;
}

/** A link in an error summary that puts the focus on the field it is about. */
export function errorLink(text, target) {
  if (!target || !target.id) {
    return text;
  }
  return el('a', {href: `#${target.id}`, onclick: event => {
    event.preventDefault();
    target.focus();
  }}, text);
}

/** A modal dialog named by its heading; it removes itself when closed. Open it with showModal() once on the page. */
export function dialog(title, ...content) {
  const headingId = `dialog-${Math.random().toString(36).slice(2)}`;
  const box = el('dialog', {class: 'dialog', 'aria-labelledby': headingId}, el('h2', {id: headingId}, title), content);
  box.addEventListener('close', () => box.remove());
  return box;
}

/** A sub-navigation, such as the admin pages: items [{href, label, current}]. */
export function subNav(label, items) {
  return el('nav', {class: 'sub-nav', 'aria-label': label}, el('ul', null, items.map(item => el('li', null,
    el('a', {href: item.href, 'aria-current': item.current ? 'page' : null}, item.label)))));
}
