/** The language a post is written in: its own `lang` (or `language`), when that names one; the spell checker follows it. */
export function postLanguage(data: Record<string, unknown> | null | undefined): string | undefined {
  const value = data?.lang ?? data?.language;
  return typeof value === 'string' && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value) ? value : undefined;
}
