import {nothing} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';

/**
 * Sets CSS custom properties through the CSSOM (`style.setProperty`), never through a `style`
 * attribute: a strict Content-Security-Policy (`style-src` without 'unsafe-inline') blocks style
 * attributes, including the first render of Lit's `styleMap`.
 *
 *   html`<span ${styleProps({'--_hue': String(hue)})}></span>`
 */
class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() must be used as an element binding: <el ${styleProps({...})}>');
  }

  render(_props: Record<string, string | null | undefined>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Record<string, string | null | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) {
      if (!(name in props) || props[name] == null) style.removeProperty(name);
    }
    this.#previous.clear();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.#previous.add(name);
    }
    return nothing;
  }
}

export const styleProps = directive(StylePropsDirective);
