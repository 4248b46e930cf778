import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The forum-widgets tags are custom elements, not Vue components: Vue must not try to resolve them.
const FORUM_TAGS = ['forum-session-card', 'forum-programme', 'speaker-quote', 'organizer-strip', 'partner-counter'];

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => FORUM_TAGS.includes(tag) } } })],
});
