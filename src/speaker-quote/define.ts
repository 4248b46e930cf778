// `import 'forum-widgets/speaker-quote/define'`: starts localization and defines <speaker-quote> alone.
import { startLocalization } from '../i18n/locale.js';
import { define } from '../base/define.js';
import { SpeakerQuote } from './speaker-quote.js';

startLocalization();
define('speaker-quote', SpeakerQuote);
// Its type too, so a TypeScript app that only imports this module gets the tag and event types.
export type { SpeakerQuote } from './speaker-quote.js';
