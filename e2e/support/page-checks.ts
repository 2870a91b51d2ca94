import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './accounts.ts';

/**
 * Words a validator says to a program, never to a person: zod's messages ("Too big: expected
 * string to have <=254 characters", `expected one of "coach"|"client"`) and Fastify's
 * ("Invalid request: querystring…", "body/email must match format").
 */
const RAW_VALIDATOR_TEXT = [
  /Too (big|small): expected/i,
  /expected one of/i,
  /Invalid (request|input|option|enum value|type)\b/i,
  /\b(querystring|body|params)\/\w+/,
  /\bmust (match|have|be) (format|pattern|equal|fewer|more|<=|>=)/i,
  /Expected (string|number|boolean), received/i,
];

export async function expectNoRawValidatorText(page: Page) {
  const text = (await page.locator('body').textContent()) ?? '';
  for (const pattern of RAW_VALIDATOR_TEXT) {
    expect(text, `${page.url()} shows validator text matching ${pattern}`).not.toMatch(pattern);
  }
}

/** axe-core over the whole page, every rule it runs by default: nothing may be found. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}`)
        .join('\n'),
  );
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/** The three checks every page of the journeys gets. */
export async function checkPage(page: Page) {
  await expectNoSidewaysScroll(page);
  await expectNoRawValidatorText(page);
  await expectNoAxeViolations(page);
}
