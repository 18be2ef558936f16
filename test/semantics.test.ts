import { readFile } from 'node:fs/promises';
import { CLOUDS } from '../app/clouds.js';
import { renderSemantics } from '../app/semantics.js';
import { CORE_REASONS } from '../src/core/errors.js';

const rendered = renderSemantics(CLOUDS);

/** The cells after the first of the row named `name` (its first cell) in section `## section`. */
function row(markdown: string, section: string, name: string): string[] {
  const body = markdown.split(/^## /m).find((part) => part.startsWith(`${section}\n`)) ?? '';
  const line = body.split('\n').find((candidate) => candidate.startsWith(`| ${name} |`));
  if (!line) throw new Error(`no row "${name}" under "${section}"`);
  return line.slice(2, -2).split(' | ').slice(1);
}

describe('the semantics matrix', () => {
  it(`is checked in as rendered from the live clouds (run \`npm run semantics\` after changing a policy or an error map)`, async () => {
    const checkedIn = await readFile(new URL('../docs/semantics.md', import.meta.url), 'utf8');
    expect(checkedIn).toBe(rendered);
  });

  it('reads the known differences off the policies, a column per cloud in the list order', () => {
    expect(row(rendered, 'Versions', 'Most versions per secret')).toEqual(['100', '10', '10']);
    expect(row(rendered, 'Deletion', 'Recovery window when none is asked for')[2]).toBe('0 days: deleted at once');
    expect(row(rendered, 'Deletion', 'Recovery windows accepted')).toEqual(['7–30 days', '1–30 days', '0–30 days']);
    expect(row(rendered, 'Values', 'A binary value counts as')[1]).toBe('its base64 text, as sent');
    expect(row(rendered, 'Rotation', 'A rotation writes')[0]).toMatch(/placeholder/);
    expect(row(rendered, 'Stage labels', 'Labels that can only be moved, never just removed')[1]).toBe('`ACSCurrent`, `ACSPrevious`');
  });

  it('names the vendor code and status of every core refusal, Tencent answering HTTP 200', () => {
    for (const reason of Object.keys(CORE_REASONS)) expect(row(rendered, 'Error codes for each canonical error', `\`${reason}\``)).toHaveLength(4);
    expect(row(rendered, 'Error codes for each canonical error', '`secret-not-found`')).toEqual([
      'NotFound',
      '`ResourceNotFoundException` 400',
      '`Forbidden.ResourceNotFound` 404',
      '`ResourceNotFound` 200',
    ]);
    expect(row(rendered, 'Versions', 'A new version at the cap')[2]).toBe('refused: `LimitExceeded`');
  });

  it('is pure: the same clouds give the same text, in the order given', () => {
    expect(renderSemantics(CLOUDS)).toBe(rendered);
    expect(row(renderSemantics([...CLOUDS].reverse()), 'Versions', 'Most versions per secret')).toEqual(['10', '10', '100']);
  });
});
