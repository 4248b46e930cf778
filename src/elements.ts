// Registers the five tags (version-aware, see base/define.ts). No side effects until called.
import { define } from './base/define.js';
import { ForumSessionCard } from './session-card/session-card.js';
import { SpeakerQuote } from './speaker-quote/speaker-quote.js';
import { OrganizerStrip } from './organizer-strip/organizer-strip.js';
import { PartnerCounter } from './partner-counter/partner-counter.js';
import { ForumProgramme } from './programme/programme.js';

export function defineElements(): void {
  define('forum-session-card', ForumSessionCard);
  define('speaker-quote', SpeakerQuote);
  define('organizer-strip', OrganizerStrip);
  define('partner-counter', PartnerCounter);
  define('forum-programme', ForumProgramme);
}
