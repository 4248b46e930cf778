// `import 'forum-widgets/session-card/define'`: defines <forum-session-card> alone.
import { startLocalization } from '../i18n/locale.js';
import { define } from '../base/define.js';
import { ForumSessionCard } from './session-card.js';

startLocalization();
define('forum-session-card', ForumSessionCard);
