// `import 'forum-widgets/define'`: starts localization and defines all five tags.
import { startLocalization } from './i18n/locale.js';
import { defineElements } from './elements.js';

startLocalization();
defineElements();
// The classes' types too, so a TypeScript app that only imports this module gets the four tags
// in HTMLElementTagNameMap and the events in HTMLElementEventMap.
export type { ForumSessionCard, SpeakerQuote, OrganizerStrip, PartnerCounter, FeedLoadDetail, FeedErrorDetail } from './index.js';
