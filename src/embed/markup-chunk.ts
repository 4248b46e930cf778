// Entry of the markup chunk (dist/forum-widgets.markup.js), which the core loads when the page
// holds a CMS block (src/snippet/markup.ts): upgrades the blocks now and as they are added.
import { watchBlocks } from '../snippet/markup.js';

watchBlocks(document);
