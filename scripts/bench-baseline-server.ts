// The baselines of `npm run bench` (issue 9 item 1b), each a bare node:http server in its own
// process, so that it shares the machine with autocannon exactly as the real server does:
//   hello  "Hello, world" — what Node's HTTP costs on this machine;
//   react  a page's HTML produced by plain React renderToString on every request, with no Remix,
//          session or database. The page is the real one, captured from the running service and
//          turned back into the same React element tree (ADR 0040), so React renders exactly the
//          same elements, attributes and text.
// Usage: node --import tsx scripts/bench-baseline-server.ts hello|react [captured.html]
// Prints "listening PORT" when ready.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

// HTML attribute names as React props.
const PROP_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  readonly: "readOnly",
  maxlength: "maxLength",
  minlength: "minLength",
  autocomplete: "autoComplete",
  autofocus: "autoFocus",
  charset: "charSet",
  "http-equiv": "httpEquiv",
  crossorigin: "crossOrigin",
  spellcheck: "spellCheck",
  novalidate: "noValidate",
  enctype: "encType",
  colspan: "colSpan",
  rowspan: "rowSpan",
  inputmode: "inputMode",
  enterkeyhint: "enterKeyHint",
  referrerpolicy: "referrerPolicy",
  viewbox: "viewBox",
  "xlink:href": "xlinkHref",
  "stroke-width": "strokeWidth",
  "fill-rule": "fillRule",
  "clip-rule": "clipRule",
};
const BOOLEAN = new Set(["checked", "disabled", "selected", "multiple", "hidden", "required", "readonly", "novalidate", "autofocus", "async", "defer", "open", "nomodule"]);

function styleObject(style: string): Record<string, string> {
  return Object.fromEntries(
    style
      .split(";")
      .map((rule) => rule.split(":"))
      .filter((parts) => parts.length >= 2 && parts[0]!.trim())
      .map(([name, ...value]) => [name!.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value.join(":").trim()]),
  );
}

function toReact(node: Node, key?: number): ReactNode {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  if (node.nodeName === "#comment" || !("tagName" in node)) return null;
  const element = node as Element;
  const props: Record<string, unknown> = { key };
  for (const { name, value } of element.attrs) {
    const prop = PROP_NAMES[name] ?? name;
    if (name === "style") props.style = styleObject(value);
    else if (BOOLEAN.has(name)) props[prop] = true;
    else if (element.tagName === "input" && name === "value") props.defaultValue = value;
    else if (element.tagName === "input" && name === "checked") props.defaultChecked = true;
    else props[prop] = value;
  }
  const children = (element.tagName === "template" ? (element as DefaultTreeAdapterMap["template"]).content.childNodes : element.childNodes) as Node[];
  if (element.tagName === "script" || element.tagName === "style") {
    const text = children.map((child) => (child.nodeName === "#text" ? (child as DefaultTreeAdapterMap["textNode"]).value : "")).join("");
    if (text) props.dangerouslySetInnerHTML = { __html: text };
    return createElement(element.tagName, props);
  }
  if (element.tagName === "textarea") {
    props.defaultValue = children.map((child) => (child.nodeName === "#text" ? (child as DefaultTreeAdapterMap["textNode"]).value : "")).join("");
    return createElement("textarea", props);
  }
  const kids = children.map((child, index) => toReact(child, index)).filter((child) => child !== null);
  return createElement(element.tagName, props, ...(kids.length ? kids : []));
}

/** The captured page as a React element tree (the <html> element). */
export function pageTree(html: string): ReactNode {
  const document = parse(html);
  const root = document.childNodes.find((node) => node.nodeName === "html");
  if (!root) throw new Error("the captured page has no <html> element");
  return toReact(root);
}

const [mode, file] = process.argv.slice(2);
if (mode === "hello" || mode === "react") {
  const tree = mode === "react" ? pageTree(readFileSync(file!, "utf8")) : null;
  const server = createServer((_request, response) => {
    if (tree) {
      const body = `<!DOCTYPE html>${renderToString(tree as never)}`;
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(body);
    } else {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("Hello, world");
    }
  });
  server.keepAliveTimeout = 5_000;
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    const address = server.address();
    console.log(`listening ${typeof address === "object" && address ? address.port : ""}`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
