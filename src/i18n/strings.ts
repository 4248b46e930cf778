// The shape of the generated string modules (src/i18n/generated/strings/*.ts, one per widget
// folder plus a shared one; scripts/localize.mjs writes them): each target locale's translations
// keyed by message id. Types only, so a generated module costs nothing but its strings.
import type { TemplateMap } from '@lit/localize';
import type { targetLocales } from './generated/locale-codes.js';

export type TargetLocale = (typeof targetLocales)[number];
export type LocaleStrings = { readonly [L in TargetLocale]?: TemplateMap };
