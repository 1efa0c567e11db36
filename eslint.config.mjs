import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'build/', '.scratch/', 'src/store/generated/', 'coverage/', '.test-data/', 'tab/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The Bot Framework SDK is archived: whatever replaces it should touch one folder.
    files: ['src/**/*.ts'],
    ignores: ['src/bot/transport/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder', 'botbuilder-*', 'botframework-*'] }],
    },
  },
  // The domain imports no framework and nothing outside src/domain: the bot, the store,
  // documents, cards and the tab's API depend on it, never the reverse. Every domain file
  // sits in a feature folder (src/domain/<feature>/), so '../../' leaves the domain.
  ...[
    ['src/domain/*.ts', '../*'],
    ['src/domain/*/*.ts', '../../*'],
    ['src/domain/*/*/*.ts', '../../../*'],
  ].map(([files, outside]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify*', '@prisma/*'], message: 'The domain imports no framework.' },
            { group: [outside], message: 'The domain imports nothing outside src/domain.' },
          ],
        },
      ],
    },
  })),
);
