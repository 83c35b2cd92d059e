/**
 * Inside an embed: tells the host page the height the content needs, so its iframe can fit.
 * The message carries only a type and a number; hosts should check its origin (see the snippet).
 */
function post(): void {
  if (window.parent === window) return;
  // The content's own height, not the document's scroll height: that is never less than the
  // frame, so an embed that once asked for more (its tall SVG map, before the interactive one)
  // could never ask for less again.
  const body = document.body, cs = getComputedStyle(body);
  const height = Math.ceil(body.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom));
  window.parent.postMessage({ type: 'nra:height', height, path: location.pathname }, '*');
}
addEventListener('load', post);
new ResizeObserver(post).observe(document.body);
