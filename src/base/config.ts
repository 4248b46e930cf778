// What the embedding script tag said (data-feed, data-locale). Set once by embed.ts; the
// ES-module build leaves it empty and elements then need `src` or `feed`.
export const pageConfig: { feed?: string } = {};
