import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: false, // the whole route manifest in the page: no /__manifest requests, and no route matching per parent path on every render (bench/README.md: +25–40% req/s)
        },
      }),
    tsconfigPaths(),
  ],
  server: { port: 3000 },
  // GOV.UK Frontend ships minified CSS with old-browser hacks that esbuild would warn about and
  // rewrite; our own CSS is tiny, so nothing is lost by not minifying again.
  build: { cssMinify: false },
});
