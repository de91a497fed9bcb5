// The platform's JSON API (/api/v1/...). Failures become ApiError with the problem (RFC 9457) the API sent.
// Every request says it comes from the dashboard (X-Requested-With, so the browser never shows its own login dialog),
// every write carries the session's CSRF token, and an answer 401 (not or no longer logged in) leads to the login page.

import {t, tn} from './i18n.js';
import {csrfToken, FROM_DASHBOARD, setSession, toLogin} from './session.js';

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    /** Seconds to wait before trying again (from Retry-After), or null. */
    this.retryAfter = retryAfter;
  }

  /** Every single problem the API listed (one per bad CSV line, for example). */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** What to tell a person about a failure. A refusal (403) is told in the platform's own words. */
export function problemText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return t('error.network');
    }
    if (error.status === 401) {
      return t('error.loggedOut');
    }
    if (error.status === 403) {
      return error.problem.detail || t('error.forbidden');
    }
    if (error.status === 429) {
      return error.retryAfter ? tn('error.throttled', error.retryAfter) : t('error.throttledNow');
    }
    return error.problem.detail || t('error.status', {status: error.status});
  }
  return t('error.unexpected');
}

/** Retry-After as whole seconds: a number of seconds or an HTTP date. */
function retryAfter(response) {
  const value = response.headers.get('Retry-After');
  if (!value) {
    return null;
  }
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(1, seconds) : null;
}

/**
 * options: those of fetch, and
 *  - anonymous: true for the calls that must work without a session (logging in, asking whether one is logged in):
 *    their 401 is an answer, not a reason to leave for the login page;
 *  - retried: set internally, after a write refused for a stale CSRF token was sent again with the fresh one.
 */
async function request(path, options = {}) {
  const {anonymous, retried, ...init} = options;
  const method = (init.method || 'GET').toUpperCase();
  const token = WRITES.includes(method) ? csrfToken() : null;
  let response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: {Accept: 'application/json', ...FROM_DASHBOARD, ...(token ? {'X-CSRF-Token': token} : {}), ...(init.headers || {})},
    });
  } catch (e) {
    throw new ApiError(0, {});
  }
  if (response.status === 401 && !anonymous) {
    toLogin();
    return new Promise(() => {}); // the page is being left; nothing on it needs to go on
  }
  if (response.status === 403 && token && !retried && await csrfRenewed(token)) {
    // logged in again in another tab: the session (and its token) changed; send it once more with the new token
    return request(path, {...options, retried: true});
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      problem = {};
    }
    throw new ApiError(response.status, problem || {}, retryAfter(response));
  }
  if (response.status === 204) {
    return null;
  }
  return response.json();
}

/** Fetches the session again; true when its CSRF token is another than the one a refused write carried. */
async function csrfRenewed(sent) {
  try {
    await api.session();
  } catch (e) {
    return false;
  }
  const fresh = csrfToken();
  return Boolean(fresh) && fresh !== sent;
}

const id = value => encodeURIComponent(value);

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => value && search.set(name, value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function json(method, path, body, options = {}) {
  return request(path, {...options, method, headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
}

export const api = {
  health: () => request('/api/health'),
  overview: () => request('/api/v1/overview'),
  regions: () => request('/api/v1/regions'),
  region: regionId => request(`/api/v1/regions/${id(regionId)}`),
  opgaven: () => request('/api/v1/opgaven'),
  kpi: kpiId => request(`/api/v1/kpis/${id(kpiId)}`),
  measurements: kpiId => request(`/api/v1/kpis/${id(kpiId)}/measurements`),
  measurementsCsv: kpiId => `/api/v1/kpis/${id(kpiId)}/measurements.csv`,
  record: (kpiId, rows) => json('POST', `/api/v1/kpis/${id(kpiId)}/measurements`, rows),
  recordCsv: (kpiId, text) => request(`/api/v1/kpis/${id(kpiId)}/measurements`,
    {method: 'POST', headers: {'Content-Type': 'text/csv; charset=utf-8'}, body: text}),
  lessons: filter => request(`/api/v1/lessons${query(filter)}`),
  addLesson: lesson => json('POST', '/api/v1/lessons', lesson),
  bundles: () => request('/api/v1/bundles'),
  upload: file => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request('/api/v1/bundles', {method: 'POST', body: form});
  },
  remove: symbolicName => request(`/api/v1/bundles/${id(symbolicName)}`, {method: 'DELETE'}),
  pilotPage: (regionId, screenId) => `/pilots/${id(regionId)}/${id(screenId)}/`,

  /** The current session; remembered for the checks of what the user may do and for the CSRF token. */
  session: async (options = {}) => {
    const session = await request('/api/v1/session', options);
    setSession(session);
    return session;
  },
  login: async (username, password) => {
    const session = await json('POST', '/api/v1/session', {username, password}, {anonymous: true});
    setSession(session);
    return session;
  },
  /** Ends the session; one that had ended already (401) is as good. */
  logout: async () => {
    try {
      await request('/api/v1/session', {method: 'DELETE', anonymous: true});
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        throw error;
      }
    }
    setSession(null);
  },
  users: async () => {
    const body = await request('/api/v1/users');
    return Array.isArray(body) ? body : body.users;
  },
  createUser: user => json('POST', '/api/v1/users', user),
  updateUser: (username, change) => json('PUT', `/api/v1/users/${id(username)}`, change),
  deleteUser: username => request(`/api/v1/users/${id(username)}`, {method: 'DELETE'}),
  /** Sets a password: an admin for anyone (without currentPassword), every user their own (with it). */
  setPassword: (username, password, currentPassword) => json('PUT', `/api/v1/users/${id(username)}/password`,
    currentPassword === undefined ? {password} : {password, currentPassword}),
  audit: filter => request(`/api/v1/audit${query(filter)}`),
  /** A further page of the audit log: the `next` address the API gave, accepted only on this API. */
  auditPage: next => {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname !== '/api/v1/audit') {
      throw new Error(`not a page of the audit log: ${next}`);
    }
    return request(url.pathname + url.search);
  },
};
