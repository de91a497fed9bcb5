// The platform's JSON API (/api/v1/...). Failures become ApiError with the problem (RFC 9457) the API sent.

import {t} from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Every single problem the API listed (one per bad CSV line, for example). */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** What to tell a person about a failure. */
export function problemText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return t('error.network');
    }
    if (error.status === 401 || error.status === 403) {
      return t('error.forbidden');
    }
    return error.problem.detail || t('error.status', {status: error.status});
  }
  return t('error.unexpected');
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...options,
      headers: {Accept: 'application/json', ...(options.headers || {})},
    });
  } catch (e) {
    throw new ApiError(0, {});
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      problem = {};
    }
    throw new ApiError(response.status, problem || {});
  }
  if (response.status === 204) {
    return null;
  }
  return response.json();
}

const id = value => encodeURIComponent(value);

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => value && search.set(name, value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function postJson(path, body) {
  return request(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
}

export const api = {
  health: () => request('/api/health'),
  overview: () => request('/api/v1/overview'),
  region: regionId => request(`/api/v1/regions/${id(regionId)}`),
  opgaven: () => request('/api/v1/opgaven'),
  kpi: kpiId => request(`/api/v1/kpis/${id(kpiId)}`),
  measurements: kpiId => request(`/api/v1/kpis/${id(kpiId)}/measurements`),
  measurementsCsv: kpiId => `/api/v1/kpis/${id(kpiId)}/measurements.csv`,
  record: (kpiId, rows) => postJson(`/api/v1/kpis/${id(kpiId)}/measurements`, rows),
  recordCsv: (kpiId, text) => request(`/api/v1/kpis/${id(kpiId)}/measurements`,
    {method: 'POST', headers: {'Content-Type': 'text/csv; charset=utf-8'}, body: text}),
  lessons: filter => request(`/api/v1/lessons${query(filter)}`),
  addLesson: lesson => postJson('/api/v1/lessons', lesson),
  bundles: () => request('/api/v1/bundles'),
  upload: file => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request('/api/v1/bundles', {method: 'POST', body: form});
  },
  remove: symbolicName => request(`/api/v1/bundles/${id(symbolicName)}`, {method: 'DELETE'}),
  pilotPage: (regionId, screenId) => `/pilots/${id(regionId)}/${id(screenId)}/`,
};
