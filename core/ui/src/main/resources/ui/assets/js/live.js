// Server-sent events from /api/v1/events (bundle, contribution, data), and polite announcements (aria-live).

const TYPES = ['bundle', 'contribution', 'data'];
const listeners = new Set();
let source = null;
let onState = () => {};
let wasOpen = false;

function notify(type, data) {
  listeners.forEach(listener => listener(type, data));
}

function open() {
  source = new EventSource('/api/v1/events');
  for (const type of TYPES) {
    source.addEventListener(type, message => {
      let data = {};
      try {
        data = JSON.parse(message.data);
      } catch (e) {
        data = {};
      }
      notify(type, data);
    });
  }
  source.addEventListener('open', () => {
    onState('open');
    if (wasOpen) {
      notify('reconnect', {});
    }
    wasOpen = true;
  });
  source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting'));
}

/**
 * Opens the event stream. stateListener receives 'open', 'connecting' or 'closed'. After a lost connection the
 * browser reopens the stream; listeners then get a 'reconnect' event, since events may have been missed. The stream
 * is closed when the page is left (so that a page kept in the back/forward cache holds no connection) and opened
 * again when it is shown again.
 */
export function connect(stateListener) {
  if (source) {
    return;
  }
  onState = stateListener;
  open();
  window.addEventListener('pagehide', () => {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', event => {
    if (event.persisted && !source) {
      open();
    }
  });
}

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Says something to screen-reader users without moving the focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region || !text) {
    return;
  }
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 60);
}
