// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings shared by the widgets (src/base, src/i18n, … and messages used in several widget folders).
/* eslint-disable */
import type { LocaleStrings } from '../../strings.js';

export const strings: LocaleStrings = {
  'ru': {
    's1b620e51708bd4dd': `Добавить в календарь`,
    's3bb786d3b55ba37c': `Отменена`,
    's4d9d7d15f505060d': `Трансляция`,
    's6fc848db534ec1df': `Идёт сейчас`,
    's8ee2d5eff3d1adc5': `Материалы форума сейчас недоступны.`,
    's95e5e4ec210c3685': `В программе форума пока нет сессий.`,
    'sa50a6326530d8a0d': `Свернуть`,
    'sb6a535fede052183': `Спикеры`,
    'sf113fa256db9617b': `Завершена`,
  },
  'zh-Hans': {
    's1b620e51708bd4dd': `添加到日历`,
    's3bb786d3b55ba37c': `已取消`,
    's4d9d7d15f505060d': `直播`,
    's6fc848db534ec1df': `正在进行`,
    's8ee2d5eff3d1adc5': `论坛内容暂时无法显示。`,
    's95e5e4ec210c3685': `论坛议程中暂无会议。`,
    'sa50a6326530d8a0d': `收起`,
    'sb6a535fede052183': `演讲嘉宾`,
    'sf113fa256db9617b': `已结束`,
  },
};
