// Lint: typescript-eslint (type-aware) everywhere, React hooks rules for the app, and the boundaries:
// src/lib is pure (no React, no router, no DOM-only modules), and only src/catalogue.ts (the site) and
// src/cli/bundled-catalogue.ts (the command line and library) read generated data.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Pasted text and the URL are untrusted: nothing in src/ may turn a string into HTML or code. The one
// HTML sink is src/components/Prose.tsx, for Markdown we rendered at build time (docs/security.md).
const HTML_SINK = "JSXAttribute[name.name='dangerouslySetInnerHTML']";
const sinkSyntax = (allowHtml) => [
  ...(allowHtml ? [] : [{ selector: HTML_SINK, message: 'The only HTML sink is the Prose component, for build-time Markdown.' }]),
  { selector: "JSXAttribute[name.name='srcDoc']", message: 'No srcdoc: it renders a string as a document.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'No HTML parsing of strings.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No code built from strings.' },
  { selector: 'Literal[value=/^\\s*javascript:/i], TemplateElement[value.raw=/^\\s*javascript:/i]', message: 'No javascript: URLs.' },
];
const sinkProperties = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc'].map((property) => ({ property, message: 'Render text with React, not HTML strings.' })),
  ...['write', 'writeln'].map((property) => ({ object: 'document', property, message: 'No document.write.' })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-ssr', 'dist-cli', 'dist-lib', 'src/generated', 'src/routeTree.gen.ts', 'node_modules', 'coverage'] },
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
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS scripts load their modules with require()
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': ['error', ...sinkProperties],
      'no-restricted-syntax': ['error', ...sinkSyntax(false)],
    },
  },
  {
    files: ['src/components/Prose.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...sinkSyntax(true)] },
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
    ignores: ['src/catalogue.ts', 'src/cli/bundled-catalogue.ts', 'src/lib/**'],
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
