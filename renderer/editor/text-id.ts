/** The Markdown textarea's id: the skip link's target. */
export const TEXT_ID = 'recap-text';
