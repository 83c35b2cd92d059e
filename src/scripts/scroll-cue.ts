/**
 * A shade along the foot of a box that scrolls on its own (the comparison table, whose column
 * names stay in view while its rows scroll): `data-more` is set while rows lie below the box's
 * edge, and the CSS draws the shade from it. Without JavaScript the box scrolls the same, unshaded.
 */
export function scrollCue(box: HTMLElement | null): void {
  if (!box) return;
  const update = () => box.toggleAttribute('data-more', box.scrollTop + box.clientHeight < box.scrollHeight - 2);
  box.addEventListener('scroll', update, { passive: true });
  addEventListener('resize', update, { passive: true });
  update();
}
