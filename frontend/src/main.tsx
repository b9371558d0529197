import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEarly, urls } from './api/client';
import { App } from './App';
import { parseHash } from './route';
import { resolveArea, storedHome } from './territory';
import './styles.css';

// What the pages built on the catalogue and Il mio territorio wait for first, asked before React starts
// instead of after its first render.
const { page, territory } = parseHash(globalThis.location.hash);
if (page === 'overview' || page === 'indicators' || page === 'area' || page === 'needs') {
  startEarly(urls.indicators());
  resolveArea(territory ?? storedHome()).catch(() => undefined);
}
// Vega, which draws every chart, fetched and evaluated while those answers are on their way.
void import('vega-embed');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
