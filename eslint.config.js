import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way (schemas ← utils ← data / validation ← components ← layouts ← pages), in
 * .astro files too, which dependency-cruiser (.dependency-cruiser.cjs) does not read.
 */
const layers = [['schemas', 'i18n'], ['utils', 'search'], ['data', 'validation'], ['components'], ['layouts']];
const above = (i) => [...layers.slice(i + 1).flat(), 'pages', 'integrations'];
const layering = layers.map((names, i) => ({
  files: names.map((n) => `src/${n}/**/*.{ts,astro}`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            // Relative imports of a folder of src/ (not, say, src/data/pages/ when the layer is src/pages/).
            regex: `^(\\.\\./)+(${above(i).join('|')})/`,
            message: `src/${names.join(', src/')} may not import from a layer above (schemas ← utils ← data/validation ← components ← layouts ← pages): move the shared piece down.`,
          },
        ],
      },
    ],
  },
}));

export default [
  { ignores: ['dist/', 'dist-*/', '**/.build-*/', '.e2e/', '.astro/', 'node_modules/', 'test-results/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layering,
];
