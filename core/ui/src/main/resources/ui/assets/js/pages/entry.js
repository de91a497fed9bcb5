// Entering data: one value through a form, or a CSV file; the API checks everything and lists every bad row.
// Only the KPIs of regions the user edits are offered.

import {el, replace} from '../dom.js';
import {language, t} from '../i18n.js';
import {date, quantity} from '../format.js';
import {api, ApiError, problemText} from '../api.js';
import {announce} from '../live.js';
import {paths, setQuery} from '../router.js';
import {dataTable} from '../table.js';
import {editsAnything, mayEdit} from '../session.js';
import {errorSummary, field, invalid, notice, pageTitle, select, setOptions, successMessage} from '../components.js';

/** "1.234,5" (Dutch) or "1,234.5" (English) as the number the API expects: "1234.5". */
export function normalise(text, lang) {
  let value = String(text).trim().replace(/\s/g, '');
  if (lang === 'nl') {
    if (value.includes(',')) {
      value = value.replace(/\./g, '').replace(',', '.');
    } else if (/^-?\d{1,3}(\.\d{3})+$/.test(value)) {
      value = value.replace(/\./g, '');
    }
  } else {
    value = value.replace(/,/g, '');
  }
  return value;
}

/** The API's per-row errors ("Line 3: ...", "Item 1: ...") as rows of a table. */
function rowErrors(errors) {
  return errors.map(text => {
    const found = /^(Line|Item)\s+(\d+):\s*(.*)$/.exec(text);
    return found ? [found[2], found[3]] : ['', text];
  });
}

function failure(title, error) {
  const errors = error instanceof ApiError ? error.errors : [];
  const summary = errorSummary(title, problemText(error), []);
  if (errors.length) {
    summary.append(dataTable([{label: t('entry.errors.row')}, {label: t('entry.errors.problem')}], rowErrors(errors),
      {caption: t('entry.errors.caption')}));
  }
  return summary;
}

function recorded(result, kpi) {
  return successMessage(t('entry.saved', {inserted: result.inserted, replaced: result.replaced, name: kpi.name}));
}

export async function mount(root, route) {
  if (!editsAnything()) {
    root.append(...pageTitle(t('entry.title'), t('entry.intro')), notice(t('entry.notAllowed')));
    return {};
  }
  let overview = await api.overview();
  let kpiId = route.query.get('indicator') || '';
  const chooser = select([], kpiId, {dataset: {key: 'entry-kpi'}});
  const about = el('div', {class: 'entry-kpi'});
  const forms = el('div', {class: 'entry-forms'});

  const regionName = id => (overview.regions.find(r => r.id === id) || {name: id}).name;
  const kpi = () => overview.kpis.find(k => k.id === kpiId && mayEdit(k.regionId));
  const refused = () => overview.kpis.find(k => k.id === kpiId && !mayEdit(k.regionId));

  function fillChooser() {
    const groups = overview.regions.filter(region => mayEdit(region.id)).map(region => ({
      label: region.name,
      options: overview.kpis.filter(k => k.regionId === region.id).map(k => ({value: k.id, label: `${k.name} (${k.unit})`})),
    })).filter(group => group.options.length);
    setOptions(chooser, [{value: '', label: t('entry.chooseKpi')}, ...groups], kpiId);
  }

  function drawAbout() {
    const chosen = kpi();
    if (!chosen) {
      const other = refused();
      replace(about, notice(other ? t('entry.notYourRegion', {name: other.name, region: regionName(other.regionId)}) : t('entry.noKpi')));
      return;
    }
    const latest = chosen.progress.latest;
    replace(about, el('p', null,
      latest ? t('entry.latest', {value: quantity(latest.value, chosen.unit), date: date(latest.date)}) : t('kpi.noMeasurement'),
      ' ', el('a', {href: paths.kpi(chosen.id)}, t('entry.toKpi', {name: chosen.name}))));
  }

  function singleForm() {
    const period = el('input', {type: 'text', name: 'period', required: true, autocomplete: 'off', spellcheck: 'false'});
    const value = el('input', {type: 'text', name: 'value', required: true, inputmode: 'decimal', autocomplete: 'off'});
    const source = el('input', {type: 'text', name: 'source', maxlength: 500});
    const result = el('div', {class: 'form-result'});
    const form = el('form', {class: 'card form', novalidate: true, 'aria-labelledby': 'entry-single-title'},
      el('h2', {id: 'entry-single-title'}, t('entry.single.title')),
      field('entry-period', t('entry.single.period'), period, t('entry.single.periodHint')),
      field('entry-value', t('entry.single.value'), value, t('entry.single.valueHint')),
      field('entry-source', t('entry.single.source'), source, t('entry.single.sourceHint')),
      el('button', {type: 'submit', class: 'button'}, t('entry.single.submit')),
      result);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const chosen = kpi();
      const missing = [];
      if (!period.value.trim()) missing.push(t('entry.single.missingPeriod'));
      if (!value.value.trim()) missing.push(t('entry.single.missingValue'));
      invalid(period, !period.value.trim());
      invalid(value, !value.value.trim());
      if (missing.length) {
        replace(result, errorSummary(t('form.errorTitle'), null, missing));
        return;
      }
      try {
        const answer = await api.record(chosen.id, [{period: period.value.trim(), value: normalise(value.value, language()),
          source: source.value.trim() || null}]);
        replace(result, recorded(answer, chosen));
        form.reset();
      } catch (error) {
        replace(result, failure(t('entry.failed'), error));
      }
    });
    return form;
  }

  function csvForm() {
    const file = el('input', {type: 'file', name: 'file', accept: '.csv,text/csv'});
    const result = el('div', {class: 'form-result'});
    const form = el('form', {class: 'card form', novalidate: true, 'aria-labelledby': 'entry-csv-title'},
      el('h2', {id: 'entry-csv-title'}, t('entry.csv.title')),
      el('p', null, t('entry.csv.intro')),
      el('pre', {class: 'example', tabindex: '0', 'aria-label': t('entry.csv.exampleLabel')}, t('entry.csv.example')),
      field('entry-file', t('entry.csv.file'), file, t('entry.csv.fileHint')),
      el('button', {type: 'submit', class: 'button'}, t('entry.csv.submit')),
      result);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const chosen = kpi();
      if (!file.files.length) {
        invalid(file, true);
        replace(result, errorSummary(t('form.errorTitle'), null, [t('entry.csv.missingFile')]));
        return;
      }
      invalid(file, false);
      try {
        const answer = await api.recordCsv(chosen.id, await file.files[0].text());
        replace(result, recorded(answer, chosen));
        form.reset();
      } catch (error) {
        replace(result, failure(t('entry.failed'), error));
      }
    });
    return form;
  }

  function drawForms() {
    replace(forms, kpi() ? [singleForm(), csvForm()] : null);
  }

  chooser.addEventListener('change', () => {
    kpiId = chooser.value;
    setQuery({indicator: kpiId});
    drawAbout();
    drawForms();
    announce(kpi() ? t('entry.chosen', {name: kpi().name}) : t('entry.noKpi'));
  });

  fillChooser();
  root.append(...pageTitle(t('entry.title'), t('entry.intro')),
    el('form', {class: 'filter-bar', onsubmit: event => event.preventDefault()},
      field('entry-kpi', t('entry.kpi'), chooser)),
    about, forms);
  drawAbout();
  drawForms();

  return {
    async update(events) {
      if (events.some(e => e.type !== 'bundle')) {
        overview = await api.overview();
        fillChooser();
        drawAbout();
      }
    },
  };
}
