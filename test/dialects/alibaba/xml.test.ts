import { Builder, parseStringPromise } from 'xml2js';
import { toXml } from '../../../dialects/alibaba/xml.js';

const reference = new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' }, renderOpts: { pretty: false }, headless: false });

/** A deterministic pseudo-random generator, so a failure names a reproducible case. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const TEXTS = ['', 'plain', 'a&b', '<tag>', 'x > y', 'line\r\nnext\ttab', 'quote " and \'', 'ümlaut 漢字 😀', ' spaced ', '0', 'true'];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 2 || pick < 0.45) return TEXTS[Math.floor(random() * TEXTS.length)];
  if (pick < 0.55) return Math.floor(random() * 1e6);
  if (pick < 0.6) return random() < 0.5;
  if (pick < 0.65) return null;
  // KMS bodies never nest an array directly in another.
  if (pick < 0.8) return Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.5 ? TEXTS[Math.floor(random() * TEXTS.length)] : randomObject(random, depth + 1)));
  return randomObject(random, depth + 1);
}

function randomObject(random: () => number, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--) object[`Key${Math.floor(random() * 6)}`] = randomValue(random, depth);
  return object;
}

describe('the KMS XML writer', () => {
  it('prints what xml2js printed for 2,000 generated bodies', () => {
    const random = generator(42);
    for (let i = 0; i < 2000; i++) {
      const body = randomObject(random, 0);
      expect({ i, xml: toXml('KMS', body) }).toEqual({ i, xml: reference.buildObject({ KMS: body }) });
    }
  });

  it('prints a real answer exactly', () => {
    const body = { SecretName: 'app/db', VersionStages: { VersionStage: ['ACSCurrent'] }, SecretData: 'a<b&c', RequestId: 'r-1' };
    expect(toXml('KMS', body)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><KMS><SecretName>app/db</SecretName><VersionStages><VersionStage>ACSCurrent</VersionStage></VersionStages>' +
        '<SecretData>a&lt;b&amp;c</SecretData><RequestId>r-1</RequestId></KMS>',
    );
  });

  it('leaves out undefined members and writes U+FFFD for characters XML 1.0 cannot carry, so strict parsers read it', async () => {
    const xml = toXml('KMS', { A: undefined, B: 'x\u0000y\u0001z\uFFFE\uFFFF\uD800!', C: 'tab\tnewline\n😀' });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><KMS><B>x\uFFFDy\uFFFDz\uFFFD\uFFFD\uFFFD!</B><C>tab\tnewline\n😀</C></KMS>');
    await expect(parseStringPromise(xml, { strict: true })).resolves.toEqual({ KMS: { B: ['x\uFFFDy\uFFFDz\uFFFD\uFFFD\uFFFD!'], C: ['tab\tnewline\n😀'] } });
  });
});
