// Lint: typescript-eslint (type-aware) everywhere, React hooks rules for the app, and the boundaries:
// src/lib is pure (no React, no router, no DOM-only modules), and only src/catalogue.ts reads generated data.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-ssr', 'src/generated', 'src/routeTree.gen.ts', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'package', package: '@tanstack/router-core', name: 'NotFoundError' }] }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*', '@tanstack/*'], message: 'src/lib is pure: no React or router here.' },
            { group: ['node:*'], message: 'src/lib runs in browsers and workers too: no Node built-ins.' },
            { group: ['**/generated/**', '**/catalogue*'], message: 'src/lib takes catalogue data as arguments.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/catalogue.ts', 'src/lib/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/generated/**'], message: 'Read generated data through src/catalogue.ts.' },
            { group: ['zod', 'yaml', 'marked'], message: 'Content parsing is build-time only.' },
            {
              group: ['**/lib/content/build*', '**/lib/content/schema*', '**/lib/content/front-matter*'],
              allowTypeImports: true,
              message: 'Content parsing is build-time only: import its types, not its code.',
            },
          ],
        },
      ],
    },
  },
);
