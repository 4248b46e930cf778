// The theming tokens page is computed, not written: custom properties and their defaults are
// read from the elements' real stylesheets (src/base/tokens.styles.ts and each element's own),
// descriptions from custom-elements.json. Where the two disagree (a property used but not
// documented, documented but not used, a documented default that is not the real one), the
// page lists the problem and logs a console error, which fails the story check.
import { tokens } from '../../src/base/tokens.styles.js';
import type { CSSResultGroup } from 'lit';

export interface VarUse {
  name: string;
  fallback: string;
}

/** Every `var(--name, fallback)` in a stylesheet text (fallbacks may nest parentheses). */
export function varUses(css: string): VarUse[] {
  const out: VarUse[] = [];
  const re = /var\(\s*(--[\w-]+)\s*(,?)/g;
  for (let m; (m = re.exec(css)); ) {
    let fallback = '';
    if (m[2]) {
      let depth = 0;
      let i = re.lastIndex;
      for (; i < css.length; i++) {
        const c = css[i];
        if (c === '(') depth++;
        else if (c === ')' && depth-- === 0) break;
      }
      fallback = css.slice(re.lastIndex, i).trim();
    }
    out.push({ name: m[1]!, fallback });
  }
  return out;
}

/** The declarations inside the first rule whose selector text is exactly `selector`. */
export function ruleBody(css: string, selector: string): string {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) return '';
  let depth = 0;
  const start = css.indexOf('{', at) + 1;
  for (let i = start; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && depth-- === 0) return css.slice(start, i);
  }
  return '';
}

/** All text of a Lit styles value (nested arrays of CSSResults). */
export function cssTextOf(styles: CSSResultGroup | undefined): string {
  if (!styles) return '';
  if (Array.isArray(styles)) return styles.map((s) => cssTextOf(s as CSSResultGroup)).join('\n');
  return (styles as { cssText?: string }).cssText ?? '';
}

const isPublic = (name: string) => !name.startsWith('--_');
const firstFallbacks = (css: string) => {
  const m = new Map<string, string>();
  for (const u of varUses(css)) if (isPublic(u.name) && !m.has(u.name)) m.set(u.name, u.fallback);
  return m;
};

export interface SharedToken {
  name: string;
  light: string;
  dark: string;
  description: string;
}
export interface ElementProperty {
  name: string;
  tag: string;
  fallback: string;
  description: string;
}
export interface TokenReport {
  shared: SharedToken[];
  own: ElementProperty[];
  problems: string[];
}

interface ManifestDecl {
  name?: string;
  tagName?: string;
  cssProperties?: { name: string; default?: string; description?: string }[];
}

/** Builds the tokens page's tables from the stylesheets and the manifest, and says where they disagree. */
export function tokenReport(manifest: { modules?: { declarations?: ManifestDecl[] }[] } | undefined, tags: string[]): TokenReport {
  const problems: string[] = [];
  const decls = new Map<string, ManifestDecl>();
  for (const mod of manifest?.modules ?? []) for (const d of mod.declarations ?? []) if (d.tagName) decls.set(d.tagName, d);
  if (!decls.size) problems.push('custom-elements.json has no elements: run `npm run manifest`.');

  const base = tokens.cssText;
  const light = firstFallbacks(ruleBody(base, ':host'));
  const dark = firstFallbacks(ruleBody(base, ":host([look='dark'])"));
  const auto = firstFallbacks(ruleBody(base, ":host([look='auto'])"));
  // Public properties read outside the light block (line height, for one) have one value for both themes.
  const other = firstFallbacks(base);
  // Shared tokens are described once, on the base class; an element's own wording (it may say
  // what the token styles in that element) is the fallback.
  const baseDecl = manifest?.modules?.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'FeedElement');
  const described = (name: string) => {
    for (const d of [baseDecl, ...decls.values()]) {
      const p = d?.cssProperties?.find((x) => x.name === name);
      if (p?.description) return p.description;
    }
    return '';
  };
  const shared: SharedToken[] = [...other.keys()].map((name) => ({
    name,
    light: light.get(name) ?? other.get(name)!,
    dark: dark.get(name) ?? light.get(name) ?? other.get(name)!,
    description: described(name),
  }));
  for (const [name, v] of dark) if (auto.get(name) !== v) problems.push(`${name}: theme="auto" in a dark OS gives ${auto.get(name)}, theme="dark" gives ${v}`);

  // `var(--_accent)` in an element's fallback means "the theme's accent": name the public token.
  const privateToPublic = new Map<string, string>();
  for (const m of ruleBody(base, ':host').matchAll(/(--_[\w-]+)\s*:\s*var\(\s*(--[\w-]+)/g)) privateToPublic.set(m[1]!, m[2]!);
  const publicName = (v: string) => v.replace(/var\(\s*(--_[\w-]+)\s*\)/g, (all, n: string) => (privateToPublic.has(n) ? `var(${privateToPublic.get(n)})` : all));

  const own: ElementProperty[] = [];
  for (const tag of tags) {
    const ctor = customElements.get(tag) as (CustomElementConstructor & { styles?: CSSResultGroup }) | undefined;
    const decl = decls.get(tag);
    if (!ctor) {
      problems.push(`<${tag}> is not defined`);
      continue;
    }
    const used = firstFallbacks(cssTextOf(ctor.styles));
    const documented = new Map((decl?.cssProperties ?? []).map((p) => [p.name, p]));
    for (const [name, fallback] of used) {
      const doc = documented.get(name);
      if (!doc) problems.push(`<${tag}> uses ${name} but its JSDoc has no @cssprop for it`);
      else if (doc.default !== undefined && doc.default !== (light.get(name) ?? fallback))
        problems.push(`<${tag}> documents ${name} with default ${doc.default}, the stylesheet's is ${light.get(name) ?? fallback}`);
      if (!other.has(name)) own.push({ name, tag, fallback: publicName(fallback), description: doc?.description ?? '' });
    }
    for (const name of documented.keys()) if (!used.has(name)) problems.push(`<${tag}> documents ${name}, which its styles never read`);
  }
  return { shared, own, problems };
}
