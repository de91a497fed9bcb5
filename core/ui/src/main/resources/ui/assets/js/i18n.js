// Every text of the dashboard comes from the platform's resource bundles (/ui/i18n/{lang}.json).

import {FROM_DASHBOARD} from './session.js';

export const LANGUAGES = ['nl', 'en'];
const LOCALES = {nl: 'nl-NL', en: 'en-GB'};
const STORAGE_KEY = 'proeftuin.lang';

let messages = {};
let current = 'nl';

export function initialLanguage() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    saved = null;
  }
  return LANGUAGES.includes(saved) ? saved : LANGUAGES[0];
}

/**
 * Loads the texts of a language and sets the page's language; remembers it only when the user chose it,
 * so a page still starting up never overwrites a choice made in another tab.
 */
export async function load(language, remember = false) {
  const response = await fetch(`/ui/i18n/${language}.json`, {headers: {Accept: 'application/json', ...FROM_DASHBOARD}});
  if (!response.ok) {
    throw new Error(`texts for ${language}: HTTP ${response.status}`);
  }
  const body = await response.json();
  messages = body.messages;
  current = language;
  document.documentElement.lang = language;
  if (!remember) {
    return;
  }
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch (e) {
    // private mode: the choice lasts for this page only
  }
}

export function language() {
  return current;
}

export function locale() {
  return LOCALES[current];
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** The text for a key, with {name} placeholders filled in; the key itself when the text is missing. */
export function t(key, params) {
  const text = has(key) ? messages[key] : key;
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A text that depends on a count: key.one or key.other, chosen by the language's plural rules. */
export function tn(key, count, params) {
  const form = new Intl.PluralRules(locale()).select(count);
  const chosen = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(chosen, {count: new Intl.NumberFormat(locale()).format(count), ...params});
}

/** The name of a theme; an id outside the shared vocabulary is shown as words. */
export function themeName(id) {
  return has(`theme.${id}`) ? t(`theme.${id}`) : words(id);
}

export function words(slug) {
  const text = String(slug || '').replace(/[-_]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
