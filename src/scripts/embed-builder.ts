/** The "Embed this" builder: snippet and live preview from the chosen options. All text, no HTML strings. */
import { askedHeight, embedSnippet } from '../lib/embed.ts';

for (const box of document.querySelectorAll<HTMLDetailsElement>('[data-embed-builder]')) {
  const q = <T extends Element>(s: string) => box.querySelector<T>(s);
  const area = q<HTMLSelectElement>('[data-embed-area]');
  const still = q<HTMLInputElement>('[data-embed-static]')!;
  const height = q<HTMLInputElement>('[data-embed-height]')!;
  const auto = q<HTMLInputElement>('[data-embed-autoheight]')!;
  const out = q<HTMLTextAreaElement>('[data-embed-snippet]')!;
  const preview = q<HTMLElement>('[data-embed-preview]')!;
  const update = () => {
    const opts = { origin: location.origin, path: box.dataset.path!, title: box.dataset.title!, area: area?.value ?? '', static: still.checked, height: Number(height.value) || 560, autoHeight: auto.checked };
    const s = embedSnippet(opts);
    out.value = s.html;
    if (!box.open) return;
    const frame = document.createElement('iframe');
    frame.src = s.src;
    frame.title = `Preview: ${opts.title}`;
    frame.height = String(opts.height);
    frame.className = 'embed-frame';
    preview.replaceChildren(frame);
  };
  // With "let the embed set its own height" ticked, the preview takes the height its embed asks for, as the snippet's listener would.
  addEventListener('message', (e) => {
    const frame = preview.querySelector('iframe');
    const h = auto.checked && frame && e.source === frame.contentWindow ? askedHeight(e, location.origin) : null;
    if (frame && h !== null) frame.style.height = `${h}px`;
  });
  box.addEventListener('toggle', update);
  box.addEventListener('input', update);
  box.addEventListener('change', update);
  q<HTMLButtonElement>('[data-embed-copy]')?.addEventListener('click', async () => {
    const status = q<HTMLElement>('[data-embed-status]');
    try { await navigator.clipboard.writeText(out.value); if (status) status.textContent = 'Copied.'; } catch { out.select(); if (status) status.textContent = 'Select the code and copy it.'; }
  });
  update();
}
