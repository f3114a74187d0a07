/**
 * Writing XML 1.0 text safely: markup characters escaped, and the characters XML 1.0 cannot carry
 * at all (C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired
 * surrogates) removed, since no escape makes them legal. DEL and C1 controls are legal XML 1.0
 * but invisible and discouraged by the spec (section 2.2), so they are removed too.
 */

// Unpaired surrogates: a high one not followed by a low one, or a low one not preceded by a high one.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** `text` without the characters XML 1.0 forbids or discourages (see the module comment). */
export function stripNonXml(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Escapes `text` for element content. */
export function xmlText(text: string): string {
  return stripNonXml(text).replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
}

/**
 * Escapes `text` for a double-quoted attribute value. Tab, line feed and carriage return are
 * written as character references, since a parser turns literal ones into spaces.
 */
export function xmlAttribute(text: string): string {
  return stripNonXml(text).replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** One element's attributes; undefined values are left out. */
export type XmlAttributes = Record<string, string | number | boolean | undefined>;

/** Builds an indented XML document element by element. */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private readonly open: string[] = [];

  /** Opens `<name …>`; close it with {@link end}. */
  start(name: string, attributes: XmlAttributes = {}): this {
    this.lines.push(`${this.indent()}<${name}${formatAttributes(attributes)}>`);
    this.open.push(name);
    return this;
  }

  /** Closes the innermost open element. */
  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without an open element');
    this.lines.push(`${this.indent()}</${name}>`);
    return this;
  }

  /** A whole element: `<name …>text</name>`, or `<name …/>` without text. */
  element(name: string, attributes: XmlAttributes = {}, text?: string): this {
    const attrs = formatAttributes(attributes);
    this.lines.push(text === undefined ? `${this.indent()}<${name}${attrs}/>` : `${this.indent()}<${name}${attrs}>${xmlText(text)}</${name}>`);
    return this;
  }

  /** The document, once every element is closed. */
  toString(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open.at(-1)}> is still open`);
    return `${this.lines.join('\n')}\n`;
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

function formatAttributes(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${xmlAttribute(String(value))}"`;
  }
  return out;
}
