// `import 'forum-widgets/session-card/define'`: defines <forum-session-card> alone.
import { startLocalization } from '../i18n/locale.js';
import { define } from '../base/define.js';
import { ForumSessionCard } from './session-card.js';

startLocalization();
define('forum-session-card', ForumSessionCard);
// Its type too, so a TypeScript app that only imports this module gets the tag and event types.
export type { ForumSessionCard } from './session-card.js';
