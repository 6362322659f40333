/**
 * A minimal browser for the HTTP tests: a cookie jar, no redirects followed (so each answer's
 * status, Location and Set-Cookie can be checked), and forms posted with the page's own CSRF
 * token, as a browser without JavaScript would.
 */
export interface Page {
  status: number;
  headers: Headers;
  location: string | null;
  html: string;
  setCookies: string[];
}

export class Browser {
  readonly jar = new Map<string, string>();

  constructor(readonly base: string) {}

  /** Puts a "name=value" pair in the jar, as a planted or copied cookie would be. */
  plant(pair: string): this {
    const index = pair.indexOf("=");
    this.jar.set(pair.slice(0, index), pair.slice(index + 1));
    return this;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async get(path: string): Promise<Page> {
    return this.send(path, { method: "GET" });
  }

  /** POSTs the fields with the CSRF token of the page at `formPage` (default: the same path). */
  async submit(path: string, fields: Array<[string, string]> | Record<string, string>, formPage = path): Promise<Page> {
    const page = await this.get(formPage);
    const token = hiddenValue(page.html, "csrf");
    if (!token) throw new Error(`no CSRF field on ${formPage} (status ${page.status})`);
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
    body.set("csrf", token);
    return this.send(path, { method: "POST", body });
  }

  async post(path: string, body: URLSearchParams): Promise<Page> {
    return this.send(path, { method: "POST", body });
  }

  private async send(path: string, init: { method: string; body?: URLSearchParams }): Promise<Page> {
    const headers: Record<string, string> = {};
    if (this.jar.size) headers.Cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()));
      if (expired) this.jar.delete(name);
      else this.jar.set(name, pair!.slice(index + 1));
    }
    return { status: response.status, headers: response.headers, location: response.headers.get("Location"), html: await response.text(), setCookies };
  }
}

/** The value of a hidden input, as rendered by React (`type="hidden" name="…" value="…"`). */
export function hiddenValue(html: string, name: string): string | null {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  return match ? decodeEntities(match[1]!) : null;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&#x2F;/g, "/")
    .replace(/&amp;/g, "&");
}
