/**
 * The import rules of src/ (issue #15), checked by `npm run lint:deps` as part
 * of `npm test`. Stages run one way: the pipeline calls read (ingest) ->
 * extract -> resolve -> write (graph); resolve and graph never import each
 * other, and `model/` holds the shared domain types (write plans and
 * snapshots included) every stage may use. See docs/architecture.md.
 * @type {import('dependency-cruiser').IDependencyCruiserConfig}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make the order of the stages unreadable.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'driver-only-in-graph',
      severity: 'error',
      comment: 'Only src/graph talks to Neo4j.',
      from: { path: '^src/', pathNot: '^src/graph/' },
      to: { path: 'node_modules/neo4j-driver' },
    },
    {
      name: 'graphql-only-in-api',
      severity: 'error',
      comment: 'Only src/api knows GraphQL (graphql, @apollo/server, graphql-armor, graphql-tag).',
      from: { path: '^src/', pathNot: '^src/api/' },
      to: { path: 'node_modules/(graphql|graphql-tag|@apollo/server|@escape\\.tech/graphql-armor)/' },
    },
    {
      name: 'src-not-to-dev-folders',
      severity: 'error',
      comment: 'Production code does not import the local-database launcher, tests, benchmarks or scripts.',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^(neo4j-local|tests|bench|scripts)/' },
    },
    {
      name: 'launcher-only-from-main-lazily',
      severity: 'error',
      comment:
        'src/main.ts (the entry point of `npm start`) may load the local-database launcher, only through a dynamic import: ' +
        'the service image sets NEO4J_URI and has no launcher.',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^(neo4j-local|tests|bench|scripts)/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'src-not-to-test-files',
      severity: 'error',
      comment: 'Test files are not imported by production code.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '\\.test\\.ts$' },
    },
    {
      name: 'extract-before-later-stages',
      severity: 'error',
      comment: 'Extraction knows nothing of resolution, the graph, the pipeline or the API.',
      from: { path: '^src/extract/' },
      to: { path: '^src/(resolve|graph|pipeline|api|cli)/' },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      comment: 'The shared domain types and name concepts depend on no stage.',
      from: { path: '^src/model/' },
      to: { path: '^src/(ingest|extract|resolve|graph|pipeline|api|cli|dashboard)/' },
    },
    {
      name: 'shared-types-from-model',
      severity: 'error',
      comment: 'The domain types live in src/model; src/extract/types.ts only re-exports them for extraction code.',
      from: { path: '^src/', pathNot: '^src/extract/' },
      to: { path: '^src/extract/types\\.ts$' },
    },
    {
      name: 'resolve-before-graph',
      severity: 'error',
      comment: 'Resolution plans writes without the database: it imports neither graph, pipeline nor api.',
      from: { path: '^src/resolve/' },
      to: { path: '^src/(graph|pipeline|api|cli)/' },
    },
    {
      name: 'graph-not-to-resolve',
      severity: 'error',
      comment:
        'The graph layer reads snapshots and applies write plans; deciding what to write is resolution\'s job. ' +
        'The plan and snapshot types they share live in src/model/write-plan.ts (not even type imports from resolve). ' +
        'Tests beside graph code may build alias keys with resolve/normalize.ts.',
      from: { path: '^src/graph/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/resolve/' },
    },
    {
      name: 'graph-before-pipeline',
      severity: 'error',
      comment: 'The graph layer applies plans; it does not call back into the pipeline or the API.',
      from: { path: '^src/graph/' },
      to: { path: '^src/(pipeline|api|cli)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a typo or a missing dependency).',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/dashboard/public/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
