/**
 * Fills `{name}` placeholders in an interface string: the one implementation used by `t()` at
 * build time and by client code that receives a template in a `data-*` attribute.
 * A placeholder without a value stays as written, unless `missing` says what to put instead.
 */
export function fill(template: string, vars: Record<string, string | number>, missing?: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? (missing ?? whole) : String(value);
  });
}
