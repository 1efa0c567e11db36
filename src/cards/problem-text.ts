// A problem with a form in words: the catalog's entry "<field>_<problem>" (for example
// "title_too_long"), given the limit it names when it names one.

type ProblemCatalog = Record<string, string | ((limit: number) => string)>;

export function problemText(catalog: ProblemCatalog, p: { field: string; problem: string; limit?: number }): string {
  const entry = catalog[`${p.field}_${p.problem}`];
  if (entry === undefined) throw new Error(`no words for the form problem ${p.field}_${p.problem}`);
  return typeof entry === 'function' ? entry(p.limit ?? 0) : entry;
}
