/** Email bodies are written once as blocks and rendered to both plain text and simple HTML. */
export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "link"; text: string; href: string }
  | { kind: "inset"; text: string }
  | { kind: "list"; items: string[] };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export const SERVICE_NAME = "Apply to be a Practitioners' Toolkit pilot";

export function renderEmail(subject: string, blocks: EmailBlock[]): RenderedEmail {
  const text = blocks
    .map((block) => {
      switch (block.kind) {
        case "heading":
          return `# ${block.text}`;
        case "link":
          return `${block.text}:\n${block.href}`;
        case "inset":
          return `^ ${block.text}`;
        case "list":
          return block.items.map((item) => `* ${item}`).join("\n");
        default:
          return block.text;
      }
    })
    .concat(["---", `${SERVICE_NAME}\nCommunities and Local Government`])
    .join("\n\n");

  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case "heading":
          return `<h2 style="font-size:24px;margin:0 0 15px">${escapeHtml(block.text)}</h2>`;
        case "link":
          return `<p style="margin:0 0 15px"><a href="${escapeHtml(block.href)}" style="color:#1d70b8">${escapeHtml(block.text)}</a></p>`;
        case "inset":
          return `<p style="margin:0 0 15px;padding-left:15px;border-left:10px solid #b1b4b6">${escapeHtml(block.text)}</p>`;
        case "list":
          return `<ul style="margin:0 0 15px">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
        default:
          return `<p style="margin:0 0 15px">${escapeHtml(block.text)}</p>`;
      }
    })
    .join("\n");
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:19px;line-height:1.3;color:#0b0c0c;margin:0">
<div style="background:#1d70b8;color:#fff;padding:10px 15px;font-weight:bold">${escapeHtml(SERVICE_NAME)}</div>
<div style="padding:15px;max-width:580px">
${body}
<p style="margin:30px 0 0;font-size:16px;color:#505a5f">Communities and Local Government</p>
</div></body></html>`;
  return { subject, text, html };
}
