#!/usr/bin/env node
// Writes schema/feed.schema.json from the compiled schema (dist/lib), so the JSON Schema the
// package ships is generated from the same definition as the types and the validator.
// `--check` exits 1 when the committed file is stale instead of writing it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { feedJsonSchema } from '../dist/lib/feed/json-schema.js';

const out = 'schema/feed.schema.json';
const text = JSON.stringify(feedJsonSchema(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {}
  if (old !== text) {
    console.error(`${out} is stale: run npm run build`);
    process.exit(1);
  }
} else {
  mkdirSync('schema', { recursive: true });
  writeFileSync(out, text);
  console.log(`[build] wrote ${out}`);
}
