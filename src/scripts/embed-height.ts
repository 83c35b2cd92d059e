/**
 * Inside an embed: tells the host page the height the content needs, so its iframe can fit.
 * The message carries only a type and a number; hosts should check its origin (see the snippet).
 */
function post(): void {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.scrollHeight);
  window.parent.postMessage({ type: 'nra:height', height, path: location.pathname }, '*');
}
addEventListener('load', post);
new ResizeObserver(post).observe(document.body);
