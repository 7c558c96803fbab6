/**
 * The page pipeline (Liquid, Sass, the Markdown converter) for `render` and
 * `share`, loaded on first use: every other command starts without it.
 */
export const loadPageRenderer = () => import('../../services/page/render-post-file').then((m) => m.renderPostFile);
