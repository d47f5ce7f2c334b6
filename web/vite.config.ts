// Build of the Kedu console. `npm run build:web` → web/dist, which the Fastify server serves at `/`
// (SPA fallback to index.html) next to the API under `/api/v1`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Library parts used by lazily loaded pages only; they are split with those pages, not put in vendor. */
const LAZY_UI =
  /node_modules[\\/](antd[\\/]es[\\/](table|tree|upload|drawer|descriptions|pagination|switch|checkbox|radio|select|date-picker|statistic|dropdown|timeline|steps|tabs|collapse|segmented|input-number|popconfirm|result)[\\/]|@rc-component[\\/](table|tree|upload|drawer|pagination|switch|checkbox|select|virtual-list|picker|dropdown|tooltip|trigger|steps|tabs|collapse|segmented|input-number)[\\/])/;

export default defineConfig({
  root: webRoot,
  base: '/',
  // Vite 8 transpiles TSX with oxc; the automatic runtime matches tsconfig's "jsx": "react-jsx".
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    // Dev only: `npx vite --config web/vite.config.ts` with the API running on KEDU_API_URL.
    proxy: { '/api': process.env.KEDU_API_URL ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // antd and react-router mark modules "use client" for React Server Components; in a
      // client-only bundle the directive means nothing, and 300 warnings would hide a real one.
      onwarn(warning, defaultHandler) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
      output: {
        // Long-lived vendor chunks: an app change does not invalidate the cached libraries, and the
        // login page never downloads echarts (the dashboard is loaded lazily).
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 20 },
            // antd components that only the lazily loaded pages use (tables, trees, uploads, drawers)
            // stay out of the vendor chunk, so the login page does not download them.
            { name: 'vendor', test: (id: string) => /node_modules[\\/]/.test(id) && !LAZY_UI.test(id), priority: 10 },
          ],
        },
      },
    },
  },
});
