// forum-widgets for applications: the element classes and helpers, with no side effects.
// Define the tags with `import 'forum-widgets/define'` (or each folder's define module).
export { ForumSessionCard } from './session-card/session-card.js';
export { SpeakerQuote } from './speaker-quote/speaker-quote.js';
export { OrganizerStrip } from './organizer-strip/organizer-strip.js';
export { PartnerCounter } from './partner-counter/partner-counter.js';
export { ForumProgramme, type ProgrammeMode } from './programme/programme.js';
export { FeedElement, type WidgetState } from './base/feed-element.js';
export type { FeedLoadDetail, FeedErrorDetail, FeedLoadEvent, FeedErrorEvent } from './base/events.js';
export { define } from './base/define.js';
export { defineElements } from './elements.js';
export { setClock, manualClock, systemClock, type Clock } from './base/clock.js';
export { setUiLocale, uiLocale, toUiLocale, startLocalization, type UiLocale } from './i18n/locale.js';
export { VERSION } from './version.js';
export * from './feed/index.js';
