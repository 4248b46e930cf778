// `import 'forum-widgets/organizer-strip/define'`: the one tag, for npm users who need only it.
import { startLocalization } from '../i18n/locale.js';
import { define } from '../base/define.js';
import { OrganizerStrip } from './organizer-strip.js';

startLocalization();
define('organizer-strip', OrganizerStrip);
// Its type too, so a TypeScript app that only imports this module gets the tag and event types.
export type { OrganizerStrip } from './organizer-strip.js';
