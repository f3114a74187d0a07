/**
 * Custom properties resolved to colours a canvas understands (`var()`, named colours, …): one
 * probe element each, read together, so it costs one style recalculation.
 */

/** The computed colours of `properties`, through probes appended to `box` (an element hidden from view). */
export function resolveColors(box: HTMLElement, properties: readonly string[]): string[] {
  while (box.childElementCount < properties.length) box.append(box.ownerDocument.createElement('i'));
  const probes = [...box.children] as HTMLElement[];
  properties.forEach((p, i) => (probes[i]!.style.color = `var(${p})`));
  return properties.map((_, i) => getComputedStyle(probes[i]!).color || '#888');
}
