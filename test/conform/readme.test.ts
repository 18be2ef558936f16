import { readFile } from 'node:fs/promises';
import { conformCommand } from '../../app/conform/cli.js';

const README = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const EXAMPLE = new URL('../../examples/conform/app-credentials.yaml', import.meta.url).pathname;

describe('README, Cross-cloud conformance', () => {
  it('shows the worked example exactly as `polysecret conform` prints it', async () => {
    const shown = /<!-- conform-example -->\n```\n([\s\S]*?)```\n<!-- \/conform-example -->/.exec(README)?.[1];
    let stdout = '';
    const code = await conformCommand([EXAMPLE], { stdout: (text) => (stdout += text), stderr: () => undefined, env: {} });
    expect(code).toBe(0);
    expect(shown).toBe(stdout);
  });

  it('quotes the example scenario line for line', async () => {
    const quoted = /worked example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(README)?.[1].trimEnd().split('\n') ?? [];
    const scenario = await readFile(EXAMPLE, 'utf8');
    expect(quoted.length).toBeGreaterThan(3);
    for (const line of quoted) expect(scenario).toContain(line.replace(/^- /, '  - '));
  });
});
