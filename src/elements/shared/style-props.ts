/**
 * `styleProps({ name: value })`: an element binding that sets CSS properties through CSSOM
 * (`style.setProperty`), never through the `style` attribute. A page whose Content-Security-Policy
 * has no `'unsafe-inline'` in `style-src` blocks every style attribute (Lit's `styleMap` included,
 * which writes the attribute on first render), but not CSSOM. `null` or `undefined` removes one.
 *
 * @example html`<div ${styleProps({ height: `${h}px`, '--speaker-color': color })}></div>`
 */

import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property names (`height`, `--custom`) and their values. */
export type StyleProps = Record<string, string | null | undefined>;

class StylePropsDirective extends Directive {
  private readonly set = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps() is an element binding: <div ${styleProps({...})}>');
  }

  /** Nothing to render as text: a server renders no style (the element gets it once it runs). */
  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.set) {
      if (props[name] != null) continue;
      style.removeProperty(name);
      this.set.delete(name);
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.set.add(name);
    }
    return noChange;
  }
}

/** Sets CSS properties of the bound element through CSSOM. */
export const styleProps = directive(StylePropsDirective);
