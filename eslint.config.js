// ESLint for the server, the CLI, the tests and the console: typescript-eslint's recommended rules,
// React's hook rules for web/, and Prettier owning the layout (npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'build/', 'data/', 'scratch/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules; the React Compiler's rules (set-state-in-effect …) judge a style the console
    // does not use (no compiler).
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The console shares the server's API contract by type only (src/api/*-schemas.ts): no server code in the bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**'], allowTypeImports: true, message: 'The console imports server modules as types only (import type).' },
          ],
        },
      ],
    },
  },
  {
    // Handlers take their typed requests from the route's schemas (the TypeBox type provider): a cast
    // would let a handler believe in a shape no schema checked.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > MemberExpression[object.name='req'][property.name=/^(params|body|query|headers)$/]",
          message: 'Type the request from the route schema (TypeBox type provider) instead of casting it.',
        },
      ],
    },
  },
);
