#!/usr/bin/env node
// Trains the intent model from the phrase corpus and writes dist/language-model.json,
// which the bot loads at start (scripts/build.js runs this after compiling).
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const store = require(path.join(__dirname, '..', 'dist', 'src', 'language', 'model-store.js'));
const started = Date.now();
store
  .trainFullModel()
  .then((model) => {
    writeFileSync(store.BUILT_MODEL_FILE, model.toJSON());
    process.stdout.write(`language model trained in ${Date.now() - started} ms → ${path.relative(process.cwd(), store.BUILT_MODEL_FILE)}\n`);
  })
  .catch((err) => {
    process.stderr.write(`language model not trained (the bot trains it at start): ${err?.stack ?? err}\n`);
  });
