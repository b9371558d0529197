import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * Asked for by index.html itself, while the entry script is still on its way: every chunk the entry
 * imports on demand (React and the pages, Vega, which every chart waits for) and the answers the home
 * pages start from (see firstRequests.ts, which takes them over). main.tsx decides when each is evaluated.
 */
function preloadFirstRequests(): Plugin {
  return {
    name: 'osservatorio-preload-first-requests',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = new Map(Object.values(bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
        const wanted = new Set<string>();
        const add = (fileName: string) => {
          // The entry and what it imports statically are in the page already (Vite's own tags).
          if (wanted.has(fileName) || fileName === entry?.fileName || entry?.imports.includes(fileName)) return;
          wanted.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) add(imported);
        };
        for (const fileName of entry?.dynamicImports ?? []) add(fileName);
        const tags: HtmlTagDescriptor[] = [...wanted].map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` }, injectTo: 'head' }));
        for (const href of ['/api/indicators', '/api/territories?level=provincia', '/api/territories?level=ambito']) {
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadFirstRequests()],
  // Vega is one ~870 kB chunk loaded on demand by the charts (see VegaChart), not part of the first paint.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
