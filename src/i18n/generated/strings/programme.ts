// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings of src/programme/ only.
/* eslint-disable */
import { str } from '@lit/localize';
import type { LocaleStrings } from '../../strings.js';

export const strings: LocaleStrings = {
  'ru': {
    's0fbf6dc6a1966408': `Далее`,
    's197304b11bd47cee': `В программе форума нет сессий для этого зала или направления.`,
    's2b7359df02b2e7e4': `Сайт форума`,
    's2e5dee92b75f158c': str`ваш пояс: ${0}`,
    's3b31d0ff32075cff': `По вашему запросу сессий не найдено.`,
    's4234286c61045b78': `Поиск по названиям и участникам`,
    's668bfdf40f0a08dd': `Время:`,
    's7267176b36bc0e13': str`Форум откроется: ${0}.`,
    's96d91ac246fd7abc': `Зал`,
    's9951437628e6fb5e': `Другие сессии`,
    's9de4f5c84e6539d9': `Дни форума`,
    's9f82927fbfca454c': `Все залы`,
    'sa05f936ff40c48bf': `Форум завершён. Спасибо, что были с нами.`,
    'sefc5cc131cc372c4': `В этот день сессий нет.`,
    'sf908dfec9a527cf4': str`Найдено сессий: ${0}`,
  },
  'zh-Hans': {
    's0fbf6dc6a1966408': `下一场`,
    's197304b11bd47cee': `论坛日程中没有符合该会场或主题的活动。`,
    's2b7359df02b2e7e4': `论坛网站`,
    's2e5dee92b75f158c': str`您的时区：${0}`,
    's3b31d0ff32075cff': `没有符合搜索条件的活动。`,
    's4234286c61045b78': `按标题和人员搜索`,
    's668bfdf40f0a08dd': `时间：`,
    's7267176b36bc0e13': str`论坛开幕日期：${0}。`,
    's96d91ac246fd7abc': `会场`,
    's9951437628e6fb5e': `其他活动`,
    's9de4f5c84e6539d9': `论坛日程`,
    's9f82927fbfca454c': `全部会场`,
    'sa05f936ff40c48bf': `论坛已经结束。感谢您的关注。`,
    'sefc5cc131cc372c4': `这一天没有活动。`,
    'sf908dfec9a527cf4': str`找到的活动：${0}`,
  },
};
