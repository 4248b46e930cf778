// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings of src/speaker-quote/ only.
/* eslint-disable */
import { str } from '@lit/localize';
import type { LocaleStrings } from '../../strings.js';

export const strings: LocaleStrings = {
  'ru': {
    's30c0a4d43229080a': `Читать полностью`,
    's760463932198ea61': str`Цитат участника «${0}» не найдено.`,
    'sa5d7a0ec84842564': str`Цитата «${0}» не найдена.`,
  },
  'zh-Hans': {
    's30c0a4d43229080a': `阅读全文`,
    's760463932198ea61': str`未找到“${0}”的引语。`,
    'sa5d7a0ec84842564': str`未找到引语“${0}”。`,
  },
};
