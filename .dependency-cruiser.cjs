/**
 * Imports flow one way: schemas ← utils ← data / validation ← components ← layouts ← pages.
 * `npm run lint` and `npm test` run this (`depcruise src scripts`). dependency-cruiser reads the
 * TypeScript modules; the same layers are enforced in .astro files by eslint.config.js.
 */

/** Folders of src/ from the bottom layer up; a module may import only from its own layer or below. */
const layers = [
  ['schemas', 'i18n'],
  ['utils', 'search'],
  ['data', 'validation'],
  ['components'],
  ['layouts'],
  ['pages'],
];

const folder = (names) => `^src/(${names.join('|')})/`;

/** One rule per layer: nothing in it imports from a layer above it. */
const upward = layers.slice(0, -1).map((names, i) => ({
  name: `no-upward-from-${names.join('-')}`,
  comment: `src/${names.join(', src/')} sit below ${layers
    .slice(i + 1)
    .flat()
    .join(', ')}: move the shared piece down (to src/utils/, src/schemas/ or src/data/) instead of importing up.`,
  severity: 'error',
  from: { path: folder(names) },
  to: { path: folder(layers.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: two modules that need each other belong in one, or share a third below both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-integrations-from-site',
      comment: 'src/integrations/ is build-time code that runs the site; the site does not import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/integrations/' },
      to: { path: '^src/integrations/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.e2e)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json', '.astro'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
