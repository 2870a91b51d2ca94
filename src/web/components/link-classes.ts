/** A link inside running text: always underlined, so it is told from the words around it. */
export const linkClass = 'font-medium text-primary underline underline-offset-4';

/** A link standing on its own (a card's footer, under a field): underlined on hover only. */
export const quietLinkClass = 'font-medium text-primary underline-offset-4 hover:underline';
