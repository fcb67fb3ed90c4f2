// Lint: strict TypeScript rules, and the folder boundaries of STYLE.md made mechanical.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const hostFree = {
  patterns: [
    { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'docx', 'node:*', 'fs', 'path', 'os', 'child_process', 'zlib', 'worker_threads'], message: 'spec/ and core/ stay host-free: no Office, React, exceljs or node modules.' },
    { group: ['**/excel/**', '**/taskpane/**', '**/cli/**', '**/xlsx/**'], message: 'spec/ and core/ must not import host code.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-output/**', 'coverage/**', 'bin/**', '*.config.js', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**'],
    rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'No network calls: report data stays local.' }, { name: 'XMLHttpRequest', message: 'No network calls.' }] },
  },
  {
    files: ['src/spec/**', 'src/core/**'],
    rules: { 'no-restricted-imports': ['error', hostFree], 'no-restricted-globals': ['error', 'window', 'document', 'Excel', 'Office', 'process', 'fetch', 'XMLHttpRequest'] },
  },
  {
    // Reading received files runs in Node, in browser Web Workers (the pane's 审核 tab, the offline page): bytes and
    // text in, no Node modules, no DOM, no exceljs, no host code.
    files: ['src/workbook/**', 'src/text/**', 'src/read/**', 'src/batch/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: hostFree.patterns.map((p) => ({ ...p, message: 'Readers run in Node and in browser Web Workers: no Node modules, exceljs, UI or host code.' })) },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Excel', 'Office', 'process', 'Buffer', 'fetch', 'XMLHttpRequest'],
    },
  },
  {
    files: ['src/taskpane/**'],
    // The entry is the one place that creates the Excel services and hands them to the components.
    ignores: ['src/taskpane/index.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/excel', '**/excel/**', 'exceljs', 'node:*'], message: 'Components talk to Excel only through the services interface.' }] }],
      'no-restricted-globals': ['error', 'Excel', 'fetch', 'XMLHttpRequest'],
    },
  },
);
