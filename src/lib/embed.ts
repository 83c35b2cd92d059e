/** The iframe snippet for an embed, and the listener that lets the embed set its height. */
export interface EmbedOptions { origin: string; path: string; title: string; area: string; static: boolean; height: number; autoHeight: boolean }

/** The heights an embed may ask its frame for: anything outside is ignored (by the snippet's listener and the builder's preview alike). */
export const ASKED_HEIGHT = { min: 100, max: 4000 } as const;

/** The height an embed's message asks for, or null when the message is not one (wrong origin, wrong shape, out of bounds). */
export function askedHeight(e: { origin: string; data: unknown }, atlasOrigin: string): number | null {
  const d = e.data as { type?: unknown; height?: unknown } | null;
  if (e.origin !== atlasOrigin || !d || d.type !== 'nra:height' || typeof d.height !== 'number' || d.height < ASKED_HEIGHT.min || d.height > ASKED_HEIGHT.max) return null;
  return Math.round(d.height);
}

export function embedSnippet(o: EmbedOptions): { src: string; html: string } {
  const params = new URLSearchParams(o.area ? o.area : '');
  if (o.static) params.set('static', '1');
  const query = params.toString();
  const src = `${o.origin}${o.path}${query ? `?${query}` : ''}`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const height = Math.max(240, Math.min(2000, Math.round(o.height)));
  let html = `<iframe src="${attr(src)}" title="${attr(o.title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
  if (o.autoHeight) {
    // The listener accepts only messages from the atlas's origin, of the expected shape, from one of its iframes.
    html += `\n<script>addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(o.origin)}||!d||d.type!=="nra:height"||typeof d.height!=="number"||d.height<${ASKED_HEIGHT.min}||d.height>${ASKED_HEIGHT.max})return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.round(d.height)+"px"})});</script>`;
  }
  return { src, html };
}
