// The showcase's two controls: the UI language follows <html lang> (as on a portal that switches
// language); the theme is an attribute on each widget.
const widgets = () => document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter');
document.getElementById('locale').addEventListener('change', (e) => {
  document.documentElement.lang = e.target.value;
});
document.getElementById('theme').addEventListener('change', (e) => {
  for (const w of widgets()) w.setAttribute('theme', e.target.value);
  document.body.classList.toggle('dark', e.target.value === 'dark');
});
