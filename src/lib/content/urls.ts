// Page addresses of the site, in one place: the content step, the site map and the app agree on them.

export const entryUrl = (id: string): string => `/bounces/${id}`;
export const codeUrl = (code: string): string => `/codes/${code}`;
export const articleUrl = (slug: string): string => `/articles/${slug}`;
export const providerUrl = (key: string): string => `/providers/${key}`;
export const reasonUrl = (id: string): string => `/reasons/${id}`;
