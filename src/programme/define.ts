// `import 'forum-widgets/programme/define'`: defines <forum-programme> alone.
import { startLocalization } from '../i18n/locale.js';
import { define } from '../base/define.js';
import { ForumProgramme } from './programme.js';

startLocalization();
define('forum-programme', ForumProgramme);
