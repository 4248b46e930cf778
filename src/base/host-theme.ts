// The host page's low-vision switch. Russian government sites must offer a "version for the
// visually impaired"; its switch usually toggles something on <html>. A page hooks the widgets to
// it with one attribute, `<html data-forum-theme="contrast">` (or `contrast-dark`, `dark`,
// `light`), which wins over each widget's own `theme` while present. One MutationObserver serves
// every widget on the page. Each widget shows its theme as the `look` attribute (the page's
// override, else its own `theme`), which the tokens' selectors read: a shadow root cannot see
// <html> attributes itself, and one attribute keeps each palette written once.
import type { ReactiveController, ReactiveElement } from 'lit';

export const HOST_THEME_ATTRIBUTE = 'data-forum-theme';
const THEMES = new Set(['light', 'dark', 'auto', 'contrast', 'contrast-dark']);

const hosts = new Set<HostThemeController>();
let observer: MutationObserver | undefined;

/** The page's theme override, or undefined when absent or not a known theme. */
export function pageTheme(): string | undefined {
  const v = document.documentElement.getAttribute(HOST_THEME_ATTRIBUTE)?.trim();
  return v && THEMES.has(v) ? v : undefined;
}

export class HostThemeController implements ReactiveController {
  constructor(private readonly host: ReactiveElement & { theme: string }) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    if (!observer && typeof MutationObserver !== 'undefined') {
      observer = new MutationObserver(() => hosts.forEach((h) => h.apply()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: [HOST_THEME_ATTRIBUTE] });
    }
    this.apply();
  }

  hostUpdate(): void {
    this.apply();
  }

  hostDisconnected(): void {
    hosts.delete(this);
    if (!hosts.size) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  private apply(): void {
    const look = pageTheme() ?? this.host.theme ?? 'light';
    if (this.host.getAttribute('look') !== look) this.host.setAttribute('look', look);
  }
}
