/**
 * Helpers shared by the GOV.UK components. They reproduce the behaviour of the
 * govuk-frontend Nunjucks helpers (`govukAttributes`, `| safe`, `| trim`) on
 * top of React, so that our components render the same HTML as the macros.
 */
import { createElement, Fragment, type ReactNode } from "react";

/** A value accepted by the macros' `attributes` option. */
export type AttributeValue = string | number | boolean | null | undefined;

/**
 * Extra HTML attributes, as in the macros' `attributes` option: a plain value
 * renders ` name="value"`; `{ value, optional: true }` renders the bare name
 * for `true` and nothing for `false`/`null`/`undefined` (govukAttributes).
 */
export type Attributes = Record<string, AttributeValue | { value?: AttributeValue; optional?: boolean }>;

/**
 * An HTML slot (`html`, `titleHtml`, `summaryHtml`, …). A string is trusted
 * HTML and is rendered unescaped, as with Nunjucks `| safe`; any other React
 * node is rendered as it is — handy in our routes.
 */
export type Html = ReactNode;

/** What the macros accept for `text`: rendered escaped. */
export type Text = string | number | null | undefined;

type Props = Record<string, unknown>;

/** Lower-case HTML attribute names whose React prop name differs. */
const REACT_PROP_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  "accept-charset": "acceptCharset",
  accesskey: "accessKey",
  allowfullscreen: "allowFullScreen",
  autocapitalize: "autoCapitalize",
  autocomplete: "autoComplete",
  autofocus: "autoFocus",
  autoplay: "autoPlay",
  cellpadding: "cellPadding",
  cellspacing: "cellSpacing",
  colspan: "colSpan",
  contenteditable: "contentEditable",
  crossorigin: "crossOrigin",
  datetime: "dateTime",
  enctype: "encType",
  enterkeyhint: "enterKeyHint",
  formaction: "formAction",
  formenctype: "formEncType",
  formmethod: "formMethod",
  formnovalidate: "formNoValidate",
  formtarget: "formTarget",
  hreflang: "hrefLang",
  "http-equiv": "httpEquiv",
  inputmode: "inputMode",
  maxlength: "maxLength",
  minlength: "minLength",
  nomodule: "noModule",
  novalidate: "noValidate",
  playsinline: "playsInline",
  readonly: "readOnly",
  referrerpolicy: "referrerPolicy",
  rowspan: "rowSpan",
  spellcheck: "spellCheck",
  srcdoc: "srcDoc",
  srclang: "srcLang",
  srcset: "srcSet",
  tabindex: "tabIndex",
  usemap: "useMap",
  itemscope: "itemScope",
  itemprop: "itemProp",
  itemtype: "itemType",
  itemid: "itemID",
  itemref: "itemRef",
  viewbox: "viewBox",
};

/** React props that React renders as HTML boolean attributes. */
const REACT_BOOLEAN_PROPS = new Set([
  "allowFullScreen",
  "async",
  "autoFocus",
  "autoPlay",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "disablePictureInPicture",
  "disableRemotePlayback",
  "formNoValidate",
  "hidden",
  "loop",
  "multiple",
  "muted",
  "noModule",
  "noValidate",
  "open",
  "playsInline",
  "readOnly",
  "required",
  "reversed",
  "scoped",
  "seamless",
  "selected",
  "itemScope",
]);

/** React props that are not HTML attributes and must never come from `attributes`. */
const REACT_RESERVED_PROPS = new Set(["children", "dangerouslySetInnerHTML", "key", "ref", "defaultValue", "defaultChecked", "innerHTML", "suppressContentEditableWarning", "suppressHydrationWarning"]);

/** Turns a CSS declaration list (`color: red; font-size: 2em`) into a React style object. */
function styleObject(css: string): Record<string, string> {
  const style: Record<string, string> = {};
  for (const declaration of css.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (!property) continue;
    const key = property.startsWith("--") ? property : property.toLowerCase().replace(/^-ms-/, "ms-").replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    style[key] = value;
  }
  return style;
}

/**
 * Adds one HTML attribute to a React props object. `value === true` means a
 * bare boolean attribute (`<input disabled>`); a string is the attribute value.
 */
function setHtmlAttribute(props: Props, name: string, value: string | true): void {
  const lower = name.toLowerCase();
  const isDataOrAria = lower.startsWith("data-") || lower.startsWith("aria-");
  const propName = isDataOrAria ? name : (REACT_PROP_NAMES[lower] ?? name);
  if (REACT_RESERVED_PROPS.has(propName)) return;
  if (REACT_BOOLEAN_PROPS.has(propName)) {
    // In HTML a boolean attribute is on whatever its value; React wants `true`.
    props[propName] = true;
  } else if (propName === "style") {
    props.style = typeof value === "string" ? styleObject(value) : {};
  } else {
    props[propName] = value === true ? "" : value;
  }
}

/** String conversion as Nunjucks prints a value: `undefined`/`null` print nothing. */
export function str(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(str).join(",");
  return String(value);
}

function isOptionsObject(item: unknown): item is { value?: AttributeValue; optional?: boolean } {
  return typeof item === "object" && item !== null && !Array.isArray(item);
}

/**
 * React props for a macro's `attributes` option, following govukAttributes
 * (govuk-frontend/dist/govuk/macros/attributes.njk).
 */
export function attributeProps(attributes: Attributes | null | undefined): Props {
  const props: Props = {};
  if (!attributes || typeof attributes !== "object") return props;
  for (const [name, item] of Object.entries(attributes)) {
    const options = isOptionsObject(item) ? item : { value: item, optional: false };
    const value = options.value;
    if (options.optional === true && value === true) {
      setHtmlAttribute(props, name, true);
    } else if (options.optional !== true || (value !== undefined && value !== null && value !== false)) {
      setHtmlAttribute(props, name, str(value));
    }
  }
  return props;
}

/**
 * Merges React props given in the order the macro writes the attributes.
 * When a name repeats, the HTML parser keeps the first one, so the earlier
 * props win here too.
 */
export function mergeProps(...propsInOrder: Props[]): Props {
  const merged: Props = {};
  for (const props of propsInOrder) {
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      if (!(name in merged)) merged[name] = value;
    }
  }
  return merged;
}

/** Joins class names, skipping empty ones. */
export function cx(...classNames: Array<string | false | null | undefined | 0>): string {
  return classNames.filter(Boolean).join(" ");
}

function isHtmlString(html: Html | undefined): html is string {
  return typeof html === "string" && html !== "";
}

/**
 * Props that fill an element with `html` (trusted markup, or a React node)
 * when given, otherwise with `text`. Use it when the slot is the element's
 * only content: `<div {...contentProps(html, text)} />`.
 */
export function contentProps(html: Html | undefined, text: Text | ReactNode | undefined, { trim = true } = {}): { dangerouslySetInnerHTML: { __html: string } } | { children: ReactNode } {
  if (isHtmlString(html)) return { dangerouslySetInnerHTML: { __html: trim ? html.trim() : html } };
  if (html || html === 0) return { children: html };
  return { children: text === undefined || text === null ? null : (text as ReactNode) };
}

/** `html` (trusted markup, or a React node) when given, otherwise `text`, as React nodes. */
export function content(html: Html | undefined, text: Text | ReactNode | undefined): ReactNode {
  if (isHtmlString(html)) return rawHtml(html.trim());
  if (html || html === 0) return html;
  return text === undefined || text === null ? null : (text as ReactNode);
}

/* ------------------------------------------------------------------------ */
/* Trusted HTML beside React elements                                        */
/* ------------------------------------------------------------------------ */

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  copy: "\u00a9",
  pound: "\u00a3",
  euro: "\u20ac",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  ctdot: "\u22ef",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  middot: "\u00b7",
  times: "\u00d7",
  shy: "\u00ad",
};

/** Decodes character references, leaving unknown named ones as they are. */
function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g, (match, entity: string) => {
    if (entity[0] === "#") {
      const codePoint = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match;
    }
    return NAMED_ENTITIES[entity] ?? match;
  });
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttributes(source: string): Props {
  const props: Props = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const [, name, doubleQuoted, singleQuoted, unquoted] = match;
    const raw = doubleQuoted ?? singleQuoted ?? unquoted;
    setHtmlAttribute(props, name, raw === undefined ? true : decodeEntities(raw));
  }
  return props;
}

const TAG = /<!--[\s\S]*?-->|<\/([a-zA-Z][^\s/>]*)\s*>|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Trusted HTML as React nodes, for an HTML slot that sits beside React
 * elements (where `dangerouslySetInnerHTML` on a parent is not possible).
 * Each top-level element becomes a React element whose inner HTML is kept
 * verbatim; top-level text becomes text. Rendering is the same on the server
 * and in the browser, so hydration stays quiet. Comments are dropped.
 */
export function rawHtml(html: string): ReactNode {
  const nodes: ReactNode[] = [];
  let position = 0;
  const pushText = (text: string) => {
    if (text) nodes.push(decodeEntities(text));
  };
  TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TAG.exec(html))) {
    pushText(html.slice(position, match.index));
    position = TAG.lastIndex;
    const [whole, closingName, openingName, attributeSource = ""] = match;
    if (whole.startsWith("<!--") || closingName) continue; // comments and stray closing tags
    const tagName = openingName.toLowerCase();
    const selfClosing = /\/\s*$/.test(attributeSource);
    const props = parseAttributes(selfClosing ? attributeSource.replace(/\/\s*$/, "") : attributeSource);
    const isSvgLike = openingName !== tagName || tagName === "svg" || tagName === "math";
    const elementName = isSvgLike ? openingName : tagName;
    if (VOID_ELEMENTS.has(tagName) || (selfClosing && isSvgLike)) {
      nodes.push(createElement(elementName, tagName === "input" ? uncontrolled(props) : props));
      continue;
    }
    // Find the matching closing tag, counting nested elements.
    const innerStart = TAG.lastIndex;
    let innerEnd = html.length;
    if (RAW_TEXT_ELEMENTS.has(tagName)) {
      const close = html.toLowerCase().indexOf(`</${tagName}`, innerStart);
      if (close >= 0) {
        innerEnd = close;
        const closeEnd = html.indexOf(">", close);
        TAG.lastIndex = closeEnd < 0 ? html.length : closeEnd + 1;
      } else {
        TAG.lastIndex = html.length;
      }
    } else {
      let depth = 1;
      let inner: RegExpExecArray | null;
      while (depth > 0 && (inner = TAG.exec(html))) {
        const [innerWhole, innerClosing, innerOpening, innerAttributes = ""] = inner;
        if (innerWhole.startsWith("<!--")) continue;
        if (innerClosing) {
          depth -= 1;
          if (depth === 0) innerEnd = inner.index;
        } else if (!VOID_ELEMENTS.has(innerOpening.toLowerCase()) && !/\/\s*$/.test(innerAttributes)) {
          depth += 1;
        }
      }
      if (depth > 0) TAG.lastIndex = html.length;
    }
    position = TAG.lastIndex;
    const innerHtml = html.slice(innerStart, innerEnd);
    if (tagName === "textarea") {
      props.defaultValue = decodeEntities(innerHtml.replace(/^\n/, ""));
      nodes.push(createElement(elementName, props));
    } else if (tagName === "select") {
      // Options are kept as markup; React cannot see which one is selected.
      nodes.push(createElement(elementName, { ...props, dangerouslySetInnerHTML: { __html: innerHtml } }));
    } else {
      nodes.push(createElement(elementName, { ...props, dangerouslySetInnerHTML: { __html: innerHtml } }));
    }
    if (position >= html.length) break;
  }
  pushText(html.slice(position));
  if (nodes.length === 0) return null;
  if (nodes.length === 1) return nodes[0];
  return createElement(Fragment, null, ...nodes);
}

/**
 * Form fields rendered from markup are uncontrolled: `value`/`checked`
 * become `defaultValue`/`defaultChecked` (React renders them as the same
 * attributes, without warning about a missing `onChange`).
 */
export function uncontrolled(props: Props): Props {
  const result = { ...props };
  const type = typeof result.type === "string" ? result.type.toLowerCase() : "text";
  if ("value" in result && type !== "checkbox" && type !== "radio" && type !== "button" && type !== "submit" && type !== "reset" && type !== "image" && type !== "hidden") {
    if (!("defaultValue" in result)) result.defaultValue = result.value;
    delete result.value;
  }
  if ("checked" in result) {
    if (!("defaultChecked" in result)) result.defaultChecked = result.checked;
    delete result.checked;
  }
  return result;
}

/** Nunjucks `==` (JavaScript loose equality), used by the macros to match values. */
export function looseEquals(a: unknown, b: unknown): boolean {
  // eslint-disable-next-line eqeqeq
  return a == b;
}

/** Nunjucks `in` operator: membership in an array, substring of a string, key of an object. */
export function nunjucksIn(key: unknown, container: unknown): boolean {
  if (Array.isArray(container)) return container.indexOf(key) !== -1;
  if (typeof container === "string") return container.indexOf(str(key)) !== -1;
  if (container && typeof container === "object") return str(key) in container;
  return false;
}
