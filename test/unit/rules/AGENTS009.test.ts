import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS009';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, 'AGENTS.md');

// Built at run time so that this file itself does not look like it holds secrets.
const GITHUB = `ghp_${'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY1zA3'}`;
const OPENAI = `sk-proj-${'Q7wE9rT1yU3iO5pA7sD9fG1hJ3kL5zX7cV9bN1mQ3'}`;
const ANTHROPIC = `sk-ant-api03-${'Zx8Cv6Bn4Mq2Wl0Er9Ty7Ui5Op3As1Df'}`;
const AWS = `AKIA${'Z7Q2M4K9X1B3N5V8'}`;
const SLACK = `xoxb-${'1234567890-0987654321-AbCdEfGhIj'}`;
const GOOGLE = `AIza${'Sy9Xk3Lm5Nb7Vc1Qw2Er4Ty6Ui8Op0As2Df'}`;
const STRIPE = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;

describe('AGENTS009 secret', () => {
  it('flags a GitHub token with its exact range', () => {
    const [f, ...rest] = lint(md('# A', '', `Use token ${GITHUB} for the API.`));
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 10, 2, 10 + GITHUB.length]);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'Looks like a GitHub token: agent instructions are read by tools and shared in logs; remove it and rotate the secret.');
  });

  for (const [name, secret] of [
    ['OpenAI API key', OPENAI],
    ['Anthropic API key', ANTHROPIC],
    ['AWS access key id', AWS],
    ['Slack token', SLACK],
    ['Google API key', GOOGLE],
    ['Stripe secret key', STRIPE],
  ] as const) {
    it(`recognises: ${name}`, () => {
      const [f, ...rest] = lint(md(`- key: \`${secret}\``));
      assert.equal(rest.length, 0);
      assert.deepEqual(rangeOf(f), [0, 8, 0, 8 + secret.length]);
      assert.match(f.message, new RegExp(`Looks like an? ${name}`));
    });
  }

  it('flags a private key header, even inside a code block', () => {
    const [f] = lint(md('```', '-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAA', '```'));
    assert.deepEqual(rangeOf(f), [1, 0, 1, 35]);
    assert.match(f.message, /private key/);
  });

  it('flags the value of a credential assignment, not the key', () => {
    const [f] = lint(md('Local login: `password: "Tr0ub4dor-and-3-horses-x9"`.'));
    assert.deepEqual(rangeOf(f), [0, 25, 0, 50]);
    assert.match(f.message, /credential assignment/);
  });

  it('reports a key once even when two patterns match it', () => {
    const found = lint(md(`api_key = "${OPENAI}"`));
    assert.deepEqual(found.map(rangeOf), [[0, 11, 0, 11 + OPENAI.length]]);
    assert.match(found[0].message, /OpenAI API key/);
  });

  it('keeps exact columns with CRLF', () => {
    assert.deepEqual(lint(crlf(md('# A', `x ${GITHUB}`))).map(rangeOf), [[1, 2, 1, 2 + GITHUB.length]]);
  });

  describe('prefixed keys and messages', () => {
    it('finds a prefixed credential (DB_PASSWORD=...) and says "an" before a vowel', () => {
      const text = md('DB_PASSWORD=Xq7Lm2Np9Rt4Vw8Yz3Bc6Df1');
      const [f, ...rest] = lint(text);
      assert.equal(rest.length, 0);
      assert.deepEqual(rangeOf(f), [0, 12, 0, 36]);
      assert.match(f.message, /^Looks like a credential assignment/);
      const aws = lint(md('key: AKIAZ7Q3M4N5P6R7S8T9'));
      assert.match(aws[0].message, /^Looks like an AWS access key id/);
    });
  });

  describe('does not fire', () => {
    it('on placeholders and documentation examples', () => {
      const text = md(
        'export OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'api_key: your-api-key-goes-here-123456',
        'password = "changeme-changeme-1234567"',
        'token: <YOUR_GITHUB_TOKEN_GOES_HERE>',
        'auth_token=${GITHUB_TOKEN_FROM_THE_ENV}',
        'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
        'secret_key = "EXAMPLEKEYwJalrXUtnFEMIK7MDENGbPxRfiCY"',
        'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      );
      assert.deepEqual(lint(text), []);
    });

    it('on env var names and low-entropy values', () => {
      const text = md('api_key = OPENAI_API_KEY_FROM_VAULT_V2', 'password: aaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'access_token = abcdefghijabcdefghijabcdefghij');
      assert.deepEqual(lint(text), []);
    });

    it('on short values and prose about secrets', () => {
      assert.deepEqual(lint(md('Never commit secrets; the password: hunter2 is fake. Tokens start with ghp_.')), []);
    });

    it('in specs', () => {
      assert.deepEqual(lintOne(RULE, md(`token ${GITHUB}`), 'SPEC.md'), []);
    });
  });
});
