// Which supported UI locale a BCP 47 tag gets. No dependencies, so the embed configurator
// (demo/configurator.js, plain ES modules without a bundler) imports it from dist/lib as is.

export type UiLocale = 'en' | 'ru' | 'zh-Hans';

/** The supported UI locales, English (the source) first. */
export const UI_LOCALES: readonly UiLocale[] = ['en', 'ru', 'zh-Hans'];

/** Maps any BCP 47 tag to a supported UI locale (zh, zh-CN, zh-SG, zh-Hans → zh-Hans). */
export function toUiLocale(tag: string | null | undefined): UiLocale {
  let l: Intl.Locale;
  try {
    l = new Intl.Locale(tag || 'en').maximize();
  } catch {
    return 'en';
  }
  if (l.language === 'ru') return 'ru';
  // Traditional-script Chinese is not supported, and English is the documented fallback.
  if (l.language === 'zh' && l.script === 'Hans') return 'zh-Hans';
  return 'en';
}
