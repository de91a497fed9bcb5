// Who is logged in, and what that user may do. The session itself is the HttpOnly cookie the platform sets; this
// module keeps only what GET /api/v1/session answers (user and CSRF token), in memory: never in localStorage, so a
// script of another page on this origin cannot read it and it is gone with the page.

export const LOGIN_PATH = '/ui/login';

/**
 * The header every request of the dashboard carries: the platform then answers a request without a session with a
 * plain 401 instead of asking the browser for HTTP Basic credentials (which would show the browser's own dialog).
 */
export const FROM_DASHBOARD = Object.freeze({'X-Requested-With': 'proeftuin-ui'});

let current = null;

/** Remembers the answer of GET or POST /api/v1/session: {user: {username, role, regions}, csrfToken, expires}. */
export function setSession(session) {
  current = session && session.user ? session : null;
}

/** The logged-in user {username, role, regions}, or null. */
export function user() {
  return current ? current.user : null;
}

/** The token every write must carry in X-CSRF-Token; null when logged in by HTTP Basic or not at all. */
export function csrfToken() {
  return current ? current.csrfToken || null : null;
}

export function isAdmin() {
  const u = user();
  return Boolean(u && u.role === 'admin');
}

/** Whether the user may change what belongs to a region (measurements, lessons, its pilots), as the server decides. */
export function mayEdit(regionId) {
  const u = user();
  if (!u) {
    return false;
  }
  return u.role === 'admin' || (u.role === 'editor' && Boolean(regionId) && (u.regions || []).includes(regionId));
}

/** Whether the user may change anything at all (an admin, or an editor of at least one region). */
export function editsAnything() {
  const u = user();
  return Boolean(u && (u.role === 'admin' || (u.role === 'editor' && (u.regions || []).length)));
}

/**
 * A `next` address that is safe to go to after logging in: a path on this origin, never another site
 * ("//evil.example", "/\\evil.example", "https://...", "javascript:...") and never the login page itself. Null
 * otherwise.
 */
export function safeNext(value) {
  // the platform's own rule (PathRules.isLocalPath): one leading slash, no backslash, no control or white space
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\s\u0000-\u001f\u007f]/.test(value)) {
    return null;
  }
  let url;
  try {
    url = new URL(value, window.location.origin);
  } catch (e) {
    return null;
  }
  if (url.origin !== window.location.origin || url.pathname === LOGIN_PATH || url.pathname === `${LOGIN_PATH}/`) {
    return null;
  }
  return url.pathname + url.search + url.hash;
}

/** The login page, with the page to come back to. */
export function loginPath(next) {
  const back = safeNext(next);
  return back && back !== '/ui/' ? `${LOGIN_PATH}?next=${encodeURIComponent(back)}` : LOGIN_PATH;
}

/** Leaves for the login page, to come back to where the user is now. */
export function toLogin() {
  window.location.assign(loginPath(window.location.pathname + window.location.search));
}
