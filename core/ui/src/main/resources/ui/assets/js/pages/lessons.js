// Lessons (leerpunten) of every region, filtered by theme and region, and a form to add one for the regions the user
// edits.

import {el, paragraphs, replace} from '../dom.js';
import {t, tn, themeName} from '../i18n.js';
import {date} from '../format.js';
import {api, ApiError, problemText} from '../api.js';
import {announce} from '../live.js';
import {paths, setQuery} from '../router.js';
import {editsAnything, mayEdit} from '../session.js';
import {errorSummary, field, invalid, pageTitle, select, setOptions, successMessage} from '../components.js';

function lessonItem(view, regionName) {
  const lesson = view.lesson;
  const headingId = `lesson-${lesson.id}`;
  return el('li', null, el('article', {class: 'card lesson', 'aria-labelledby': headingId},
    el('h3', {id: headingId}, lesson.title),
    el('p', {class: 'lesson-meta'},
      el('a', {href: paths.region(lesson.regionId)}, regionName(lesson.regionId)), ' · ',
      themeName(lesson.theme.id), ' · ', date(lesson.date),
      lesson.author ? ` · ${lesson.author}` : '',
      ' ', el('span', {class: 'tag'}, t(`lessons.origin.${view.origin}`))),
    paragraphs(lesson.text)));
}

export async function mount(root, route) {
  let overview = await api.overview();
  let opgaven = await api.opgaven();
  const filter = {theme: route.query.get('thema') || '', region: route.query.get('regio') || ''};
  const regionName = id => (overview.regions.find(r => r.id === id) || {name: id}).name;
  const themeIds = () => [...new Set([...overview.kpis.map(k => k.theme), ...opgaven.map(o => o.theme.id)])].sort();
  const regionOptions = () => overview.regions.map(r => ({value: r.id, label: r.name}));

  const themeFilter = select([], filter.theme, {dataset: {key: 'lesson-theme'}});
  const regionFilter = select([], filter.region, {dataset: {key: 'lesson-region'}});
  const list = el('div', {class: 'lesson-list', 'aria-live': 'off'});
  const listTitle = el('h2', {id: 'lessons-list-title'});

  const formRegion = select([], '', {name: 'regionId', required: true});
  const formOpgave = select([], '', {name: 'opgaveId'});
  const formTheme = select([], '', {name: 'theme'});
  const formTitle = el('input', {type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off'});
  const formText = el('textarea', {name: 'text', required: true, rows: 6});
  const formAuthor = el('input', {type: 'text', name: 'author', maxlength: 200, autocomplete: 'name'});
  const result = el('div', {class: 'form-result'});
  const form = el('form', {class: 'card form', novalidate: true},
    field('lesson-region', t('lessons.form.region'), formRegion),
    field('lesson-opgave', t('lessons.form.opgave'), formOpgave, t('lessons.form.opgaveHint')),
    field('lesson-theme-input', t('lessons.form.theme'), formTheme, t('lessons.form.themeHint')),
    field('lesson-title', t('lessons.form.title'), formTitle),
    field('lesson-text', t('lessons.form.text'), formText, t('lessons.form.textHint')),
    field('lesson-author', t('lessons.form.author'), formAuthor, t('lessons.form.authorHint')),
    el('button', {type: 'submit', class: 'button'}, t('lessons.form.submit')),
    result);

  function fillSelects() {
    const themeOptions = themeIds().map(id => ({value: id, label: themeName(id)}));
    setOptions(themeFilter, [{value: '', label: t('lessons.allThemes')}, ...themeOptions], filter.theme);
    setOptions(regionFilter, [{value: '', label: t('lessons.allRegions')}, ...regionOptions()], filter.region);
    const region = formRegion.value;
    const writable = regionOptions().filter(option => mayEdit(option.value));
    setOptions(formRegion, [{value: '', label: t('lessons.form.chooseRegion')}, ...writable], region);
    fillOpgaven();
    const theme = formTheme.value;
    setOptions(formTheme, [{value: '', label: t('lessons.form.themeFromOpgave')}, ...themeOptions], theme);
  }

  function fillOpgaven() {
    const chosen = formOpgave.value;
    const options = opgaven.filter(o => o.regionId === formRegion.value).map(o => ({value: o.id, label: o.title}));
    setOptions(formOpgave, [{value: '', label: t('lessons.form.noOpgave')}, ...options], chosen);
  }

  async function drawList() {
    const lessons = await api.lessons({theme: filter.theme, region: filter.region});
    listTitle.textContent = tn('lessons.count', lessons.length);
    replace(list, lessons.length
      ? el('ul', {class: 'lesson-items'}, lessons.map(view => lessonItem(view, regionName)))
      : el('p', null, t('lessons.none')));
    return lessons.length;
  }

  async function onFilter() {
    filter.theme = themeFilter.value;
    filter.region = regionFilter.value;
    setQuery({thema: filter.theme, regio: filter.region});
    announce(tn('lessons.count', await drawList()));
  }

  themeFilter.addEventListener('change', onFilter);
  regionFilter.addEventListener('change', onFilter);
  formRegion.addEventListener('change', fillOpgaven);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const lesson = {regionId: formRegion.value, opgaveId: formOpgave.value || null, theme: formTheme.value || null,
      title: formTitle.value.trim(), text: formText.value.trim(), author: formAuthor.value.trim() || null};
    const missing = [];
    if (!lesson.regionId) missing.push(t('lessons.form.missingRegion'));
    if (!lesson.title) missing.push(t('lessons.form.missingTitle'));
    if (!lesson.text) missing.push(t('lessons.form.missingText'));
    if (!lesson.theme && !lesson.opgaveId) missing.push(t('lessons.form.missingTheme'));
    [[formRegion, !lesson.regionId], [formTitle, !lesson.title], [formText, !lesson.text],
      [formTheme, !lesson.theme && !lesson.opgaveId]].forEach(([control, bad]) => invalid(control, bad));
    if (missing.length) {
      replace(result, errorSummary(t('form.errorTitle'), null, missing));
      return;
    }
    try {
      const saved = await api.addLesson(lesson);
      form.reset();
      fillOpgaven();
      replace(result, successMessage(t('lessons.form.saved', {title: saved.lesson.title})));
      await drawList();
    } catch (error) {
      replace(result, errorSummary(t('lessons.form.failed'), problemText(error), error instanceof ApiError ? error.errors : []));
    }
  });

  fillSelects();
  root.append(...pageTitle(t('lessons.title'), t('lessons.intro')),
    el('form', {class: 'filter-bar', onsubmit: event => event.preventDefault()},
      field('lesson-theme', t('lessons.filterTheme'), themeFilter),
      field('lesson-region-filter', t('lessons.filterRegion'), regionFilter)),
    el('div', {class: editsAnything() ? 'lessons-layout' : 'lessons-layout lessons-read-only'},
      el('section', {class: 'lessons-list', 'aria-labelledby': 'lessons-list-title'}, listTitle, list),
      editsAnything() ? el('section', {class: 'lessons-form', 'aria-labelledby': 'lessons-form-title'},
        el('h2', {id: 'lessons-form-title'}, t('lessons.form.heading')),
        el('p', {class: 'section-intro'}, t('lessons.form.intro')), form) : null));
  await drawList();

  return {
    async update(events) {
      if (events.some(e => e.type === 'reconnect' || e.type === 'contribution' || (e.type === 'data' && e.data.kind === 'LESSON'))) {
        overview = await api.overview();
        opgaven = await api.opgaven();
        fillSelects();
        await drawList();
        announce(t('live.lessonsUpdated'));
      }
    },
  };
}
