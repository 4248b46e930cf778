// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings of src/partner-counter/ only.
/* eslint-disable */
import { str } from '@lit/localize';
import type { LocaleStrings } from '../../strings.js';

export const strings: LocaleStrings = {
  'ru': {
    's5842215d9100bd5d': str`более ${0}`,
    'sa9f7922361767989': str`В ленте не найдены показатели: ${0}`,
    'sc25199bea55bbdac': str`около ${0}`,
    'se0eef9fb4ab8f619': str`${0} в цифрах`,
    'sf8b8ab3aa9b4e4e5': `В ленте пока нет показателей.`,
  },
  'zh-Hans': {
    's5842215d9100bd5d': str`超过${0}`,
    'sa9f7922361767989': str`数据源中未找到以下数据：${0}`,
    'sc25199bea55bbdac': str`约${0}`,
    'se0eef9fb4ab8f619': str`${0}数据`,
    'sf8b8ab3aa9b4e4e5': `数据源中暂无数据。`,
  },
};
