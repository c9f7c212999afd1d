import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Checks the column's browser tests make on every page: problems a citizen would suffer, axe, 375 px, Tab. */

/** What the page reported that a citizen would suffer from: script errors, failed loads, CSP violations. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The friendly 404 pages are answered with status 404 on purpose; Chromium logs that as a failed resource.
    if (message.type() === 'error' && !message.text().includes('404')) problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // Closing a page cuts socket.io's long-poll; that is not a citizen's problem.
    if (!request.url().includes('/socket.io/')) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return problems;
}

/** Serious and critical accessibility violations (axe-core), the widget's shadow root included. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join(', ')}`,
    );
}

/** Elements wider than the viewport, or a page that scrolls sideways. */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const document = (globalThis as unknown as { document: InPageDocument }).document;
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => !element.closest('.visually-hidden, .skip-link'))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return document.documentElement.scrollWidth > width ? ['page scrolls sideways', ...outside] : outside;
  });

export interface InPageElement {
  tagName: string;
  className: string;
  getClientRects(): { length: number };
  getBoundingClientRect(): { right: number };
  closest(selector: string): unknown;
}
export interface InPageDocument {
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<InPageElement>;
  activeElement: { id: string; tagName: string; textContent: string | null; getAttribute(name: string): string | null } | null;
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
export async function tabUntil(
  page: Page,
  matches: (focused: { id: string; tagName: string; text: string; label: string }) => boolean,
  limit = 80,
) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = (globalThis as unknown as { document: InPageDocument }).document.activeElement;
      return {
        id: active?.id ?? '',
        tagName: active?.tagName ?? '',
        text: active?.textContent ?? '',
        label: active?.getAttribute('aria-label') ?? '',
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('not reachable by Tab');
}
