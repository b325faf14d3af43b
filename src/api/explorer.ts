/**
 * An offline GraphQL explorer: GraphiQL and React served from node_modules
 * (their UMD builds; GraphiQL embeds its fonts), so `GET /graphql` in a
 * browser works without the internet. Apollo's own landing pages load
 * scripts from a CDN and are turned off.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { StaticRoute } from './static-files.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The vendored files the page loads. */
export function explorerRoutes(): StaticRoute[] {
  return [
    { prefix: '/vendor/graphiql', dir: packageDir('graphiql') },
    { prefix: '/vendor/react', dir: path.join(packageDir('react'), 'umd') },
    { prefix: '/vendor/react-dom', dir: path.join(packageDir('react-dom'), 'umd') },
  ];
}

/** True for a browser asking for a page (not a GraphQL GET request). */
export function wantsExplorer(method: string | undefined, accept: string | undefined, url: URL): boolean {
  return (method === 'GET' || method === 'HEAD') && !url.searchParams.has('query') && /\btext\/html\b/.test(accept ?? '');
}

export const EXPLORER_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL explorer · Partnership knowledge graph</title>
<link rel="stylesheet" href="/vendor/graphiql/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="/vendor/react/react.production.min.js"></script>
<script src="/vendor/react-dom/react-dom.production.min.js"></script>
<script src="/vendor/graphiql/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  const defaultQuery = '# Partners of an organisation, with the sentences that say so\\n{\\n  partners(of: "ICESCO", first: 5) {\\n    totalCount\\n    edges { node { partner { name } kinds firstSeen evidence(first: 1) { text } } }\\n  }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, defaultQuery }));
</script>
</body>
</html>
`;
