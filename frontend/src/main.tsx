import { startFirstRequests } from './firstRequests';
import { setInitialPageLanguage } from './pageLanguage';
import './styles.css';

/** How long React waits at most for the first chart's requests to be sent before it is evaluated. */
const FIRST_REQUESTS_WAIT_MS = 300;

// index.html fetches every chunk at once (see vite.config.ts); what matters is the order they take the
// main thread in. First this small one, which sends the requests the first chart needs as soon as the
// answers they depend on are in; then React and the pages (about 100 ms to evaluate, during which no
// request could be sent); then Vega, evaluated while the values are on their way.
// Before the first requests, which ask the API for messages in the page's language.
setInitialPageLanguage(globalThis.location.hash);
const first = startFirstRequests(globalThis.location.hash);
const atLatest = new Promise((resolve) => setTimeout(resolve, FIRST_REQUESTS_WAIT_MS));
void Promise.race([first, atLatest])
  .then(() => import('./render'))
  .then(({ render }) => {
    render();
    return first;
  })
  .then(() => setTimeout(() => void import('vega-embed'), 0));
