import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

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
    // Elements never import Firebase: only src/data/firebase may.
    files: ['src/components/**', 'src/controllers/**', 'src/context/**', 'src/i18n/**', 'src/events/**'],
    rules: {
      'no-restricted-imports': ['error', {patterns: [
        {group: ['firebase', 'firebase/*', '@firebase/*'], allowTypeImports: true,
          message: 'Components never import Firebase; go through the CommunityStore (src/data/store.ts).'},
      ]}],
    },
  },
  {
    // The data layer is DOM-free and never imports Lit.
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': ['error', {patterns: [
        {group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'src/data never imports Lit.'},
        {group: ['**/components/*', '**/components/**'], message: 'src/data never imports elements.'},
      ]}],
    },
  },
  {
    files: ['src/data/local/**', 'src/data/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {patterns: [
        {group: ['lit', 'lit/*', '@lit/*'], message: 'src/data never imports Lit.'},
        {group: ['firebase', 'firebase/*', '@firebase/*'], message: 'Only src/data/firebase imports Firebase.'},
      ]}],
    },
  },
);
