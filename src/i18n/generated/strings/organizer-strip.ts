// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings of src/organizer-strip/ only.
/* eslint-disable */
import type { LocaleStrings } from '../../strings.js';

export const strings: LocaleStrings = {
  'ru': {
    's163eda8ddbb113ba': `Организатор`,
    's4b046446635a4166': `Нет сведений об организациях.`,
    's74c51a37caaebd36': `При поддержке`,
    's7de1280c4de49e8b': `Организаторы`,
    's81fa26ccde47d6b4': `(откроется в новой вкладке)`,
    'saa9c909a4c95098a': `Операторы`,
    'safb123d37677335e': `Партнёры`,
    'sb1433f4a173ae77a': `Информационные партнёры`,
    'sbec97227ea7f6459': `Партнёр`,
    'sc4801f580ac4e73d': `Оператор`,
    'se10fe96b474339ed': `Информационный партнёр`,
  },
  'zh-Hans': {
    's163eda8ddbb113ba': `主办单位`,
    's4b046446635a4166': `暂无机构信息。`,
    's74c51a37caaebd36': `支持单位`,
    's7de1280c4de49e8b': `主办单位`,
    's81fa26ccde47d6b4': `（在新标签页中打开）`,
    'saa9c909a4c95098a': `承办单位`,
    'safb123d37677335e': `合作伙伴`,
    'sb1433f4a173ae77a': `媒体合作伙伴`,
    'sbec97227ea7f6459': `合作伙伴`,
    'sc4801f580ac4e73d': `承办单位`,
    'se10fe96b474339ed': `媒体合作伙伴`,
  },
};
