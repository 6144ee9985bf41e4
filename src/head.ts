// Page head tags: every page gets its own title, description and Open Graph tags.
const SITE = 'Bouncedoc';

export function pageHead(title: string, description: string) {
  const fullTitle = title === SITE ? SITE : `${title} | ${SITE}`;
  return {
    meta: [
      { title: fullTitle },
      { name: 'description', content: description },
      { property: 'og:site_name', content: SITE },
      { property: 'og:type', content: 'article' },
      { property: 'og:title', content: title },
      { property: 'og:description', content: description },
      { name: 'twitter:card', content: 'summary' },
    ],
  };
}
