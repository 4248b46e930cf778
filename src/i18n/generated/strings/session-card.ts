// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings of src/session-card/ only.
/* eslint-disable */
import { str } from '@lit/localize';
import type { LocaleStrings } from '../../strings.js';

export const strings: LocaleStrings = {
  'ru': {
    's013ab7746949b7f9': `Этой сессии нет в программе форума.`,
    's2176770969da5882': `Спикер`,
    's4627a9667a335f23': `Запланирована`,
    's4629d0943788c295': `Модераторы`,
    's4c2251760c5d2c55': str`и ещё ${0}`,
    's5278069b1e2436e4': `Модератор`,
    's5b7e427be1aecae6': `Страница сессии`,
    's890a2e095cb462ed': `Свернуть список`,
    's89649937ddef97b1': str`${0}, ${1}`,
    'saa4b4f62b6471a11': str`По вашему времени: ${0}`,
    'sb2c57b2d347203dd': `Показать полностью`,
    'sc3256c8817e069b9': `Смотреть трансляцию`,
    'sef8bb11cef2bf0af': `Сайт форума`,
    'sf6794e7e16be8116': str`Начало ${0}`,
  },
  'zh-Hans': {
    's013ab7746949b7f9': `论坛议程中没有这场会议。`,
    's2176770969da5882': `演讲嘉宾`,
    's4627a9667a335f23': `即将举行`,
    's4629d0943788c295': `主持人`,
    's4c2251760c5d2c55': str`及另外${0}人`,
    's5278069b1e2436e4': `主持人`,
    's5b7e427be1aecae6': `会议页面`,
    's890a2e095cb462ed': `收起名单`,
    's89649937ddef97b1': str`${0} ${1}`,
    'saa4b4f62b6471a11': str`您的当地时间：${0}`,
    'sb2c57b2d347203dd': `展开全文`,
    'sc3256c8817e069b9': `观看直播`,
    'sef8bb11cef2bf0af': `论坛网站`,
    'sf6794e7e16be8116': str`${0}开始`,
  },
};
