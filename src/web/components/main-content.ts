/** The id of the page's <main>: where the skip link sends keyboard focus. */
export const MAIN_CONTENT_ID = 'main-content';
