/**
 * The layer rule of DESIGN.md §2, checked by `npm run lint:layers` (part of `npm test`).
 * Each layer imports only the layers below it; `hotline` and `knowledge` are siblings that never import each
 * other; other layers reach a layer through its entry file (`index.ts`), never its inner files; the front ends
 * import nothing but `common/`. Tests may also use `tests/` (fakes, fixtures, support).
 */
const below = {
  common: [],
  text: ['common'],
  storage: ['common'],
  knowledge: ['common', 'text', 'storage'],
  hotline: ['common', 'text', 'storage'],
  bot: ['common', 'text', 'storage', 'knowledge', 'hotline'],
  channels: ['common', 'text', 'storage', 'knowledge', 'hotline', 'bot'],
  server: ['common', 'text', 'storage', 'knowledge', 'hotline', 'bot', 'channels'],
  webchat: ['common'],
  admin: ['common'],
};
const layerNames = Object.keys(below);
const testFile = '\\.(test|int\\.test|contract|suite)\\.tsx?$';

const layerRules = layerNames.map((layer) => ({
  name: `${layer}-imports-only-below`,
  comment: `${layer}/ may import only ${below[layer].join(', ') || 'itself'}`,
  severity: 'error',
  from: { path: `^${layer}/`, pathNot: testFile },
  to: {
    path: `^(${[...layerNames, 'tests', 'scripts', 'bench'].filter((name) => name !== layer && !below[layer].includes(name)).join('|')})/`,
  },
}));

const testRules = layerNames.map((layer) => ({
  name: `${layer}-tests-import-only-below`,
  comment: `tests of ${layer}/ may import only ${[...below[layer], 'tests'].join(', ')}`,
  severity: 'error',
  from: { path: `^${layer}/.*${testFile}` },
  to: { path: `^(${[...layerNames, 'scripts', 'bench'].filter((name) => name !== layer && !below[layer].includes(name)).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    ...testRules,
    {
      name: 'through-entry-files',
      comment: 'another layer is reached through its index.ts, not its inner files',
      severity: 'error',
      from: { path: '^(bot|channels|server|knowledge|hotline|storage|text)/', pathNot: testFile },
      to: { path: '^(common|text|storage|knowledge|hotline|bot|channels)/', pathNot: ['^$1/', '^[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: { pathNot: '\\.config\\.m?ts$' },
      to: { couldNotResolve: true, dependencyTypesNot: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data|coverage|test-output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
