import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'shared/proto/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The published werift lacks our fixes (patches/README.md): code and tests load our copy.
      'no-restricted-imports': ['error', { paths: [{ name: 'werift', message: "Import '#werift', our patched copy (patches/README.md)." }] }],
    },
  },
  {
    // The demo page's plain browser modules.
    files: ['demo/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly', location: 'readonly', fetch: 'readonly', performance: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', URLSearchParams: 'readonly',
      },
    },
  },
);
