/** The iframe snippet for an embed, and the listener that lets the embed set its height. */
export interface EmbedOptions { origin: string; path: string; title: string; area: string; static: boolean; height: number; autoHeight: boolean }

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
    html += `\n<script>addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(o.origin)}||!d||d.type!=="nra:height"||typeof d.height!=="number"||d.height<100||d.height>4000)return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.round(d.height)+"px"})});</script>`;
  }
  return { src, html };
}
