// Keyboard walks for the tab's browser tests: Tab until the focus reaches what a person
// using the keyboard is after, named as a screen reader names it (aria-label or text), or
// a field of a given kind. Fails when it is never reached.
import type { Frame } from 'playwright-core';

export async function tabTo(
  frame: Frame,
  target: RegExp | { tag: string },
  limit = 150,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await frame.page().keyboard.press('Tab');
    const focused = await frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName ?? '',
        name: el ? `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}` : '',
      };
    });
    if (target instanceof RegExp ? target.test(focused.name) : focused.tag === target.tag) return;
  }
  throw new Error(`the keyboard never reached ${target instanceof RegExp ? target : target.tag}`);
}
