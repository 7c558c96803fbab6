/**
 * Code blocks written as template tags rather than fences: Liquid's and
 * Nunjucks' `{% highlight html %}…{% endhighlight %}`, Nunjucks' captured
 * `{% set codeBlock %}…{% endset %}`, Hugo's
 * `{{< highlight go >}}…{{< /highlight >}}` and `{{< code >}}`, and comments
 * the generator drops (Liquid `{% comment %}`, Nunjucks `{# #}`, Hugo comment shortcodes). What is
 * inside is shown as code or not at all, never as HTML.
 */
import type { SkipRange } from '../html/tags';

const BLOCKS = [
  /\{%-?\s*highlight\b[^%]*%\}[\s\S]*?\{%-?\s*endhighlight\s*-?%\}/g,
  /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g,
  // A captured block (`{% set code %}…{% endset %}`, `{% capture %}`) is a variable, shown where the template decides (usually `| highlight`).
  /\{%-?\s*set\s+\w+\s*-?%\}[\s\S]*?\{%-?\s*endset\s*-?%\}/g,
  /\{\{[<%]\s*(highlight|code|codeblock)\b[^}]*[>%]\}\}[\s\S]*?\{\{[<%]\s*\/\s*\1\s*[>%]\}\}/g,
  /\{#[\s\S]{0,2000}?#\}/g,
  // Hugo's comment and Zola's escape (`{{/* youtube(id="…") */}}` prints the shortcode as text).
  /\{\{\/\*[\s\S]*?\*\/\}\}|\{%\/\*[\s\S]*?\*\/%\}/g,
];

/** Offsets [start, end) in `text` of template code blocks and comments, shifted by `base`. */
export function templateCodeRanges(text: string, base = 0): SkipRange[] {
  if (!text.includes('{')) return [];
  return BLOCKS.flatMap((pattern) => [...text.matchAll(pattern)].map((m): SkipRange => [base + m.index, base + m.index + m[0].length]));
}
