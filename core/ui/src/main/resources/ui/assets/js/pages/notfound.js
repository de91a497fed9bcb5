// A path under /ui/ that names no page.

import {el} from '../dom.js';
import {t} from '../i18n.js';
import {paths} from '../router.js';
import {pageTitle} from '../components.js';

export async function mount(root) {
  root.append(...pageTitle(t('notFound.title'), t('notFound.text')),
    el('p', null, el('a', {href: paths.overview()}, t('notFound.back'))));
  return {};
}
