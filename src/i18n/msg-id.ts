// In a module of its own, so that a build whose msg() calls all carry an id can leave it out.
/**
 * @lit/localize's id of a message without an explicit one (what its extractor and the generated
 * modules key translations by): FNV-1a 64 of the text, template parts joined by U+001E, in hex
 * after 's' (or 'h' for html``). Only sources run unbundled need it (tests, Storybook): the builds
 * give every call a short id (scripts/short-msg-ids.mjs). BigInt: a fifth of @lit/localize's
 * 16-bit-limb version, and speed does not matter here.
 */
export function msgId(text: string | readonly string[], html = false): string {
  const s = typeof text == 'string' ? text : text.join('\x1e');
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n);
  return (html ? 'h' : 's') + h.toString(16).padStart(16, '0');
}
