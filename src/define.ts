// `import 'forum-widgets/define'`: starts localization and defines all five tags.
import { startLocalization } from './i18n/locale.js';
import { defineElements } from './elements.js';

startLocalization();
defineElements();
