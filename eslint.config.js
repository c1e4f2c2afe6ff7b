import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const BAN = {
  lit: {group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'src/data never imports Lit.'},
  elements: {group: ['**/components/*', '**/components/**'], message: 'src/data never imports elements.'},
  firebase: {group: ['firebase', 'firebase/*', '@firebase/*'], message: 'Only src/data/firebase imports Firebase.'},
  local: {regex: '(^|/)local/', message: 'src/data/firebase never imports src/data/local: shared decisions live in src/data/domain.'},
  firebaseDir: {regex: '^\\.\\.?/(\\.\\./)*firebase/', message: 'src/data/local never imports src/data/firebase: shared decisions live in src/data/domain.'},
  stores: {regex: '^\\.\\.?/(\\.\\./)*(local|firebase)/', message: 'src/data/domain decides; it never imports a store.'},
};

function dataLayerBans() {
  const bans = (files, ignores, ...names) => ({files, ignores,
    rules: {'no-restricted-imports': ['error', {patterns: names.map((n) => BAN[n])}]}});
  return [
    bans(['src/data/**'], ['src/data/local/**', 'src/data/firebase/**', 'src/data/domain/**', 'src/data/*.ts'], 'lit', 'elements'),
    bans(['src/data/*.ts'], [], 'lit', 'elements', 'firebase', 'stores'),
    bans(['src/data/domain/**'], [], 'lit', 'elements', 'firebase', 'stores'),
    bans(['src/data/local/**'], [], 'lit', 'elements', 'firebase', 'firebaseDir'),
    bans(['src/data/firebase/**'], [], 'lit', 'elements', 'local'),
  ];
}

export default tseslint.config(
  {ignores: ['dist/**', '.cache/**', 'node_modules/**', 'demo/**', 'bench/results/**']},
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Elements define themselves through KinElement.define() in their define files.
      'wc/tag-name-matches-class': 'off',
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  {
    // Test helpers have one home, test/support (issue 13): no suite defines its own shadow-root query helpers.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    ignores: ['test/support/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'Program > VariableDeclaration > VariableDeclarator[id.name=/^(\\$|\\$\\$|text|shadowText|button)$/], Program > FunctionDeclaration[id.name=/^(\\$|\\$\\$|text|shadowText|button)$/]',
        message: 'Import this helper from test/support instead of defining a local copy.',
      }],
    },
  },
  {
    // Elements never import Firebase: only src/data/firebase may.
    files: ['src/components/**', 'src/controllers/**', 'src/context/**', 'src/i18n/**', 'src/events/**'],
    rules: {
      'no-restricted-imports': ['error', {patterns: [
        {group: ['firebase', 'firebase/*', '@firebase/*'], allowTypeImports: true,
          message: 'Components never import Firebase; go through the CommunityStore (src/data/store.ts).'},
      ]}],
    },
  },
  // The data layer's import bans add up: each folder gets every ban that applies to it (a later
  // block for the same rule would replace an earlier one, so they are listed once, per folder).
  ...dataLayerBans(),
);
