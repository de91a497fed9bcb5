// A small router on real paths under /ui/: links are followed without reloading the page.

const enc = encodeURIComponent;

function withQuery(path, params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => value && search.set(name, value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The addresses of the pages. */
export const paths = {
  overview: query => withQuery('/ui/', query),
  region: (regionId, screenId) => (screenId
    ? `/ui/regio/${enc(regionId)}/scherm/${enc(screenId)}` : `/ui/regio/${enc(regionId)}`),
  kpi: kpiId => `/ui/indicator/${enc(kpiId)}`,
  compare: query => withQuery('/ui/vergelijken', query),
  lessons: query => withQuery('/ui/leerpunten', query),
  entry: query => withQuery('/ui/invoer', query),
  admin: () => '/ui/beheer',
  users: () => '/ui/beheer/gebruikers',
  audit: query => withQuery('/ui/beheer/audit', query),
  password: () => '/ui/wachtwoord',
  login: () => '/ui/login',
};

const ROUTES = [
  {page: 'overview', pattern: /^\/ui\/?$/, names: []},
  {page: 'region', pattern: /^\/ui\/regio\/([^/]+)\/?$/, names: ['region']},
  {page: 'region', pattern: /^\/ui\/regio\/([^/]+)\/scherm\/([^/]+)\/?$/, names: ['region', 'screen']},
  {page: 'kpi', pattern: /^\/ui\/indicator\/([^/]+)\/?$/, names: ['kpi']},
  {page: 'compare', pattern: /^\/ui\/vergelijken\/?$/, names: []},
  {page: 'lessons', pattern: /^\/ui\/leerpunten\/?$/, names: []},
  {page: 'entry', pattern: /^\/ui\/invoer\/?$/, names: []},
  {page: 'admin', pattern: /^\/ui\/beheer\/?$/, names: []},
  {page: 'users', pattern: /^\/ui\/beheer\/gebruikers\/?$/, names: []},
  {page: 'audit', pattern: /^\/ui\/beheer\/audit\/?$/, names: []},
  {page: 'password', pattern: /^\/ui\/wachtwoord\/?$/, names: []},
  {page: 'login', pattern: /^\/ui\/login\/?$/, names: []},
];

/** The route of a location: {page, params, query, key}. Unknown paths are the page 'notFound'. */
export function match(location) {
  const query = new URLSearchParams(location.search);
  for (const route of ROUTES) {
    const found = route.pattern.exec(location.pathname);
    if (found) {
      const params = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1]);
      });
      return {page: route.page, params, query, key: location.pathname + location.search};
    }
  }
  return {page: 'notFound', params: {}, query, key: location.pathname + location.search};
}

let show = () => {};
let currentKey = null;

function render() {
  const route = match(window.location);
  if (route.key === currentKey) {
    return;
  }
  currentKey = route.key;
  show(route);
}

export function navigate(url, options = {}) {
  const target = new URL(url, window.location.href);
  if (options.replace) {
    window.history.replaceState(null, '', target);
  } else {
    window.history.pushState(null, '', target);
  }
  render();
}

/** Changes the query of the current address without showing the page again (filters keep their own state). */
export function setQuery(params) {
  const url = withQuery(window.location.pathname, params);
  window.history.replaceState(null, '', url);
  currentKey = window.location.pathname + window.location.search;
}

/** Shows the current page again (after a language switch). */
export function refresh() {
  currentKey = null;
  render();
}

function followLinks(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) {
    return;
  }
  const url = new URL(link.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith('/ui/') || url.pathname.startsWith('/ui/assets/')) {
    return;
  }
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
    return; // a link within the page, such as the skip link
  }
  event.preventDefault();
  navigate(url.href);
}

export function start(onRoute) {
  show = onRoute;
  document.addEventListener('click', followLinks);
  window.addEventListener('popstate', render);
  render();
}
