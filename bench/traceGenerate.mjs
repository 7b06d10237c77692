// Deterministic generator for the traceability benchmark workspace (`npm run bench:trace`):
// 20 spec-kit style specs (specs/NNN-name/spec.md, 2,000 requirements in total) and
// 5,000 test files (about 50 MB) in TypeScript/JavaScript (mocha/jest/vitest),
// Python (pytest), Go, Rust, Java/Kotlin (JUnit 5) and Ruby (RSpec), laid out as in
// real repositories. Most bytes are code; some tests cite requirement ids in every
// form podflow reads: tags (`// @covers FR-0123`), test names (`it('FR-0042: ...')`),
// markers (`@pytest.mark.requirement("FR-0007")`), ranges (`FR-0005 to FR-0011`),
// qualified ids (`017-payments/FR-0010`), plus a few skipped tests, unknown ids
// and id-like noise (`UTF-8`, `SHA-256`). Same seed, same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from './common.mjs';


const pad = (n, w) => String(n).padStart(w, '0');
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const camel = (words) => words[0] + words.slice(1).map(cap).join('');
const pascal = (words) => words.map(cap).join('');
const snake = (words) => words.join('_');

// ---------------------------------------------------------------------------
// Specs: 001..016 number their requirements globally (FR-0001..FR-1600);
// 017..020 restart at FR-0001 as spec-kit does, so a bare FR-0042 is ambiguous
// unless it is qualified or the test sits in that feature's folder.
// ---------------------------------------------------------------------------

export const SPEC_NAMES = [
  '001-accounts', '002-authentication', '003-billing', '004-payments', '005-subscriptions',
  '006-notifications', '007-audit-log', '008-data-export', '009-data-import', '010-search',
  '011-reporting', '012-public-api', '013-webhooks', '014-admin-console', '015-localization',
  '016-rate-limiting', '017-retention', '018-observability', '019-offline-mode', '020-file-storage',
];
export const PER_SPEC = 100;
const RESTARTING = new Set([17, 18, 19, 20]);

const NOUNS = [
  'invoice', 'customer', 'account', 'session', 'token', 'webhook', 'export', 'report', 'tenant', 'subscription',
  'payment', 'refund', 'order', 'cart', 'user', 'role', 'permission', 'event', 'schedule', 'job', 'upload',
  'quota', 'locale', 'message', 'notification', 'query', 'cursor', 'batch', 'cache', 'lock', 'ledger', 'coupon',
  'address', 'device', 'api key', 'audit entry', 'attachment', 'plan', 'receipt', 'signature',
];
const VERBS = [
  'create', 'reject', 'retry', 'expire', 'round', 'export', 'import', 'paginate', 'validate', 'normalize',
  'redact', 'rotate', 'throttle', 'archive', 'notify', 'sign', 'verify', 'merge', 'deduplicate', 'schedule',
  'encrypt', 'cache', 'lock', 'restore', 'refund', 'charge', 'index', 'reindex', 'purge', 'audit',
];
const CONDS = [
  'when the tenant is suspended', 'after the grace period', 'for a zero amount', 'with an expired token',
  'when the quota is exhausted', 'on a duplicate request', 'across a DST change', 'for a deleted user',
  'when the upstream times out', 'with a malformed payload', 'in the default locale', 'for more than 1000 rows',
  'when two requests race', 'after a restart', 'with an empty cart', 'for a trial plan', 'with unicode input',
  'when the cache is cold', 'on the last day of the month', 'with a revoked api key',
];
const SUBJECTS = ['The system', 'The service', 'The API', 'The scheduler', 'The importer', 'The console', 'Each worker'];
const OBJECTS = [
  'reject requests whose signature does not verify',
  'store amounts as integer minor units',
  'retry failed deliveries with exponential backoff up to 8 times',
  'record who changed a role and when',
  'expire sessions after 30 minutes without activity',
  'return 429 with a Retry-After header when the limit is exceeded',
  'paginate results with an opaque cursor',
  'keep audit entries for 7 years',
  'redact card numbers in every log line',
  'send a receipt within 60 seconds of a successful charge',
  'refuse to delete a tenant that has open invoices',
  'write exports as UTF-8 CSV with a header row',
  'verify webhook payloads with HMAC SHA-256',
  'resume an interrupted import from the last committed batch',
  'show amounts in the user locale',
  'lock an account after 5 failed sign-in attempts',
  'encrypt attachments at rest',
  'emit one metric per request with its route and status',
];

function specText(r, k) {
  const name = SPEC_NAMES[k - 1];
  const title = name.replace(/^\d+-/, '').split('-').map(cap).join(' ');
  const first = RESTARTING.has(k) ? 1 : (k - 1) * PER_SPEC + 1;
  const out = [
    `# Feature Specification: ${title}`,
    '',
    `**Feature Branch**: \`${name}\``,
    '**Status**: Draft',
    '',
    '## Summary',
    '',
    `${title} for the Acme platform. This document lists what the feature must do; the plan and the`,
    'tasks live next to it. The key words "MUST", "MUST NOT", "SHOULD" and "MAY" are to be',
    'interpreted as described in RFC 2119 and RFC 8174 when, and only when, they appear in all capitals.',
    '',
    '## User Scenarios & Testing',
    '',
    `1. **Given** a tenant with ${title.toLowerCase()} enabled, **When** an operator changes a setting, **Then** the change is audited.`,
    '2. **Given** a suspended tenant, **When** a request arrives, **Then** it is refused with a clear message.',
    '',
    '## Requirements',
    '',
    '### Functional Requirements',
    '',
  ];
  for (let i = 0; i < PER_SPEC; i++) {
    const id = `FR-${pad(first + i, 4)}`;
    const roll = r.next();
    const kw = roll < 0.8 ? (r.chance(0.1) ? 'MUST NOT' : 'MUST') : roll < 0.95 ? 'SHOULD' : 'MAY';
    const obj = kw === 'MUST NOT' ? `${r.pick(OBJECTS).replace(/^(\w+)/, 'skip the step to $1')}` : r.pick(OBJECTS);
    out.push(`- **${id}**: ${r.pick(SUBJECTS)} ${kw} ${obj}.`);
  }
  out.push(
    '',
    '### Key Entities',
    '',
    `- **${pascal(title.toLowerCase().split(' '))}Record**: what the feature stores, with its owner and timestamps.`,
    '',
    '## Success Criteria',
    '',
    '- 95% of requests answer within 200 ms.',
    '- No data is lost when a worker restarts.',
    '',
    '## Out of Scope',
    '',
    '- Migrating data from the legacy system.',
    '',
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------

/** The id text a citation uses, chosen for a file at `featureSpec` (1-based spec number or 0). */
function citation(r, featureSpec) {
  const roll = r.next();
  if (featureSpec) {
    // Tests in a feature folder cite their own spec's ids, bare.
    const base = RESTARTING.has(featureSpec) ? 1 : (featureSpec - 1) * PER_SPEC + 1;
    const n = base + r.int(PER_SPEC);
    if (roll < 0.12 && n + 6 < base + PER_SPEC) return `FR-${pad(n, 4)}${r.pick([' to ', '..', ' through '])}FR-${pad(n + r.range(2, 6), 4)}`;
    return `FR-${pad(n, 4)}`;
  }
  if (roll < 0.66) return `FR-${pad(101 + r.int(1500), 4)}`; // unique ids of specs 002..016
  if (roll < 0.76) {
    const n = 101 + r.int(1490);
    return `FR-${pad(n, 4)}${r.pick([' to ', '..', ' to ', ' through '])}FR-${pad(n + r.range(2, 9), 4)}`;
  }
  if (roll < 0.9) {
    const k = r.pick([1, 3, 17, 18, 19, 20, 17, 18]);
    const base = RESTARTING.has(k) ? 1 : (k - 1) * PER_SPEC + 1;
    return `${SPEC_NAMES[k - 1]}/FR-${pad(base + r.int(PER_SPEC), 4)}`;
  }
  if (roll < 0.97) return `FR-${pad(1 + r.int(100), 4)}`; // defined by 001 and 017..020: ambiguous
  return r.pick(['FR-9999', 'FR-2417', 'FR-0000', 'NFR-0012']); // no spec defines it
}

// ---------------------------------------------------------------------------
// Code bodies, per language. `v()` etc. draw from the shared pools.
// ---------------------------------------------------------------------------

function vocab(r) {
  const noun = () => r.pick(NOUNS).split(' ');
  return {
    r,
    noun,
    v: () => camel(noun()),
    sv: () => snake(noun()),
    T: () => pascal(noun()),
    n: () => r.pick([0, 1, 2, 3, 5, 8, 10, 12, 30, 42, 60, 99, 100, 250, 404, 1000, 1250, 4096, 86400]),
    status: () => r.pick([200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503]),
    str: () => r.pick(['pending', 'active', 'past_due', 'canceled', 'draft', 'sent', 'failed', 'ok', 'EUR', 'USD', 'en-GB', 'de-DE']),
    sid: () => `${r.pick(['cus', 'inv', 'sub', 'usr', 'evt', 'tok', 'job'])}_${r.range(1000, 99999)}`,
    testName: () => `${r.pick(VERBS)}s the ${r.pick(NOUNS)} ${r.pick(CONDS)}`,
  };
}

const JS_LINES = [
  (w) => `const ${w.v()} = make${w.T()}({ id: '${w.sid()}', status: '${w.str()}', count: ${w.n()} });`,
  (w) => `const ${w.v()} = await service.${w.r.pick(['create', 'update', 'find', 'list', 'remove'])}${w.T()}(${w.v()}, { retries: ${w.n()}, timeoutMs: ${w.n()} });`,
  (w) => `expect(${w.v()}.${w.v()}).toBe(${w.n()});`,
  (w) => `expect(${w.v()}).toEqual({ id: '${w.sid()}', status: '${w.str()}', total: ${w.n()} });`,
  (w) => `await clock.advance(${w.n()} * 1000);`,
  (w) => `const res = await request(app).post('/api/v1/${w.sv()}s').set('Authorization', \`Bearer \${token}\`).send({ amount: ${w.n()} });`,
  (w) => `expect(res.status).toBe(${w.status()});`,
  (w) => `assert.strictEqual(${w.v()}.length, ${w.n()});`,
  (w) => `sinon.assert.calledOnceWithExactly(spy, '${w.sid()}', { force: true });`,
  (w) => `expect(() => ${w.v()}.validate({ ${w.v()}: null })).toThrow(/${w.r.pick(NOUNS)} is required/);`,
  (w) => `const [${w.v()}, ${w.v()}] = await Promise.all([repo.load('${w.sid()}'), repo.load('${w.sid()}')]);`,
  (w) => `expect(mockLogger.warn).toHaveBeenCalledWith(expect.stringContaining('${w.r.pick(NOUNS)}'));`,
  (w) => `// ${w.r.pick(['the fake clock keeps this deterministic', 'order matters here', 'see the fixture for the shape', 'same as production defaults'])}`,
  (w) => `db.${w.sv()}s.insertMany(range(${w.n()}).map((i) => ({ id: i, createdAt: new Date(2024, 0, 1 + i) })));`,
];
const PY_LINES = [
  (w) => `${w.sv()} = make_${w.sv()}(id="${w.sid()}", status="${w.str()}", count=${w.n()})`,
  (w) => `result = service.${w.r.pick(['create', 'update', 'find', 'list', 'remove'])}_${w.sv()}(${w.sv()}, retries=${w.n()}, timeout=${w.n()})`,
  (w) => `assert ${w.sv()}.${w.sv()} == ${w.n()}`,
  (w) => `assert result == {"id": "${w.sid()}", "status": "${w.str()}", "total": ${w.n()}}`,
  (w) => `clock.advance(seconds=${w.n()})`,
  (w) => `response = client.post("/api/v1/${w.sv()}s", json={"amount": ${w.n()}}, headers=auth_headers)`,
  (w) => `assert response.status_code == ${w.status()}`,
  (w) => `with pytest.raises(ValidationError, match="${w.r.pick(NOUNS)} is required"):`,
  (w) => `mock_notifier.send.assert_called_once_with("${w.sid()}", template="${w.sv()}")`,
  (w) => `rows = db.execute(select(${w.T()}).where(${w.T()}.tenant_id == tenant.id)).scalars().all()`,
  (w) => `assert len(rows) == ${w.n()}`,
  (w) => `# ${w.r.pick(['freezegun keeps this deterministic', 'the factory fills the rest', 'same as production defaults'])}`,
];
const GO_LINES = [
  (w) => `${w.v()} := new${w.T()}(t, "${w.sid()}", ${w.n()})`,
  (w) => `got, err := svc.${w.r.pick(['Create', 'Update', 'Find', 'List', 'Remove'])}${w.T()}(ctx, ${w.v()}, Options{Retries: ${w.n()}})`,
  () => `if err != nil {\n\tt.Fatalf("unexpected error: %v", err)\n}`,
  (w) => `if got.${w.T()} != ${w.n()} {\n\tt.Errorf("${w.T()} = %d, want %d", got.${w.T()}, ${w.n()})\n}`,
  (w) => `clock.Advance(${w.n()} * time.Second)`,
  (w) => `req := httptest.NewRequest(http.MethodPost, "/api/v1/${w.sv()}s", strings.NewReader(\`{"amount": ${w.n()}}\`))`,
  (w) => `if rec.Code != ${w.status()} {\n\tt.Fatalf("status = %d, want ${w.status()}", rec.Code)\n}`,
  (w) => `require.Equal(t, "${w.str()}", got.Status)`,
  (w) => `assert.Len(t, got.Items, ${w.n()})`,
  (w) => `// ${w.r.pick(['the fake clock keeps this deterministic', 'order matters here', 'same as production defaults'])}`,
];
const RUST_LINES = [
  (w) => `let ${w.sv()} = ${w.T()}::new("${w.sid()}", ${w.n()});`,
  (w) => `let got = svc.${w.r.pick(['create', 'update', 'find', 'list', 'remove'])}_${w.sv()}(&${w.sv()}, Options { retries: ${w.n()}, ..Default::default() }).unwrap();`,
  (w) => `assert_eq!(got.${w.sv()}, ${w.n()});`,
  (w) => `assert!(matches!(got.status, Status::${w.T()}));`,
  (w) => `clock.advance(Duration::from_secs(${w.n()}));`,
  (w) => `let resp = client.post("/api/v1/${w.sv()}s").json(&json!({ "amount": ${w.n()} })).send().await?;`,
  (w) => `assert_eq!(resp.status(), ${w.status()});`,
  (w) => `let err = svc.validate(&${w.T()}::default()).unwrap_err();`,
  (w) => `// ${w.r.pick(['the fake clock keeps this deterministic', 'order matters here', 'same as production defaults'])}`,
];
const JAVA_LINES = [
  (w) => `var ${w.v()} = fixtures.${w.v()}("${w.sid()}", ${w.n()});`,
  (w) => `var result = service.${w.r.pick(['create', 'update', 'find', 'list', 'remove'])}${w.T()}(${w.v()}, Options.retries(${w.n()}));`,
  (w) => `assertThat(result.${w.v()}()).isEqualTo(${w.n()});`,
  (w) => `assertThat(result.status()).isEqualTo(Status.${w.str().toUpperCase()});`,
  (w) => `clock.advance(Duration.ofSeconds(${w.n()}));`,
  (w) => `mockMvc.perform(post("/api/v1/${w.sv()}s").contentType(APPLICATION_JSON).content("{\\"amount\\": ${w.n()}}")).andExpect(status().is(${w.status()}));`,
  (w) => `verify(notifier, times(1)).send(eq("${w.sid()}"), any(${w.T()}.class));`,
  (w) => `assertThrows(ValidationException.class, () -> service.validate(new ${w.T()}(null, ${w.n()})));`,
  (w) => `// ${w.r.pick(['the fake clock keeps this deterministic', 'order matters here', 'same as production defaults'])}`,
];
const KOTLIN_LINES = [
  (w) => `val ${w.v()} = fixtures.${w.v()}("${w.sid()}", ${w.n()})`,
  (w) => `val result = service.${w.r.pick(['create', 'update', 'find', 'list', 'remove'])}${w.T()}(${w.v()}, retries = ${w.n()})`,
  (w) => `assertEquals(${w.n()}, result.${w.v()})`,
  (w) => `result.status shouldBe Status.${w.str().toUpperCase()}`,
  (w) => `clock.advance(${w.n()}.seconds)`,
  (w) => `verify(exactly = 1) { notifier.send("${w.sid()}", any()) }`,
  (w) => `assertThrows<ValidationException> { service.validate(${w.T()}(null, ${w.n()})) }`,
  (w) => `// ${w.r.pick(['the fake clock keeps this deterministic', 'order matters here', 'same as production defaults'])}`,
];
const RUBY_LINES = [
  (w) => `${w.sv()} = create(:${w.sv()}, status: '${w.str()}', count: ${w.n()})`,
  (w) => `result = described_class.new(${w.sv()}).call(retries: ${w.n()}, timeout: ${w.n()})`,
  (w) => `expect(result.${w.sv()}).to eq(${w.n()})`,
  (w) => `expect(result).to have_attributes(id: '${w.sid()}', status: '${w.str()}')`,
  (w) => `travel_to(Time.zone.local(2024, 3, ${w.r.range(1, 28)}, 12, 0, 0))`,
  (w) => `post '/api/v1/${w.sv()}s', params: { amount: ${w.n()} }, headers: auth_headers`,
  (w) => `expect(response).to have_http_status(${w.status()})`,
  (w) => `expect { result.save! }.to raise_error(ActiveRecord::RecordInvalid, /${w.r.pick(NOUNS)}/)`,
  (w) => `expect(NotifierJob).to have_been_enqueued.with('${w.sid()}')`,
  (w) => `# ${w.r.pick(['the factory fills the rest', 'order matters here', 'same as production defaults'])}`,
];

// Id-like noise that real code holds now and then (`UTF-8`, `SHA-256`): matches of the id
// pattern that no spec defines. Rare: about three body lines in a thousand.
const NOISE = {
  JS: [
    (w) => `expect(res.headers['content-type']).toBe('application/json; charset=UTF-8');`,
    (w) => `const digest = createHash('sha256').update(JSON.stringify(${w.v()})).digest('hex'); // SHA-256 of the body`,
  ],
  PY: [
    (w) => `assert response.headers["Content-Type"] == "application/json; charset=UTF-8"`,
    (w) => `digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()  # SHA-256`,
  ],
  GO: [
    () => `sum := sha256.Sum256(body) // SHA-256 of the payload`,
  ],
  RUST: [
    () => `let digest = Sha256::digest(&body); // SHA-256 of the payload`,
  ],
  JAVA: [
    () => `var digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));`,
  ],
};

function body(w, pool, indent, lines, noise = []) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    // Multi-line snippets are written with indentation relative to their first line.
    const snippet = noise.length && w.r.chance(0.003) ? w.r.pick(noise) : w.r.pick(pool);
    for (const l of snippet(w).split('\n')) out.push(indent + l);
  }
  return out;
}

/**
 * One test file. `cite(form)` returns the id text of a new citation (or undefined
 * to cite nothing); each language decides where a citation sits.
 */
function testFile(lang, r, featureSpec, approxBytes) {
  const w = vocab(r);
  const out = [];
  const cites = r.chance(0.5);
  const cite = () => (cites && r.chance(0.15) ? citation(r, featureSpec) : undefined);
  const skip = () => r.chance(0.025);
  const bodyLen = () => r.range(6, 16);
  const bytes = () => out.reduce((n, l) => n + l.length + 1, 0);
  const suiteName = w.T();
  const fileRef = cites && r.chance(0.08) ? citation(r, featureSpec) : undefined;

  switch (lang) {
    case 'ts':
    case 'js': {
      const mocha = r.chance(0.5);
      if (fileRef) out.push(`// Integration tests for ${suiteName} (${fileRef}).`);
      out.push(
        mocha ? `import { expect } from 'chai';` : `import { describe, it, expect, beforeEach, vi } from 'vitest';`,
        `import request from 'supertest';`,
        `import { createHash } from 'node:crypto';`,
        `import { ${suiteName}Service } from '../src/${w.v()}/${w.v()}Service';`,
        `import { make${w.T()}, make${w.T()}, FakeClock } from './fixtures';`,
        '',
        `describe('${suiteName}Service', () => {`,
        `  let service${lang === 'ts' ? `: ${suiteName}Service` : ''};`,
        `  let clock${lang === 'ts' ? ': FakeClock' : ''};`,
        '',
        '  beforeEach(() => {',
        `    clock = new FakeClock(Date.parse('2024-03-01T00:00:00Z'));`,
        `    service = new ${suiteName}Service({ clock, currency: 'EUR', retries: 3 });`,
        '  });',
      );
      while (bytes() < approxBytes) {
        const nested = r.chance(0.3);
        const ind = nested ? '    ' : '  ';
        if (nested) {
          const c = cite();
          out.push('', `  describe('${c && r.chance(0.5) ? `${c}: ` : ''}${w.r.pick(VERBS)} ${w.r.pick(NOUNS)}', () => {`);
        }
        const tests = nested ? r.range(2, 5) : 1;
        for (let t = 0; t < tests; t++) {
          const c = cite();
          const sk = skip();
          out.push('');
          const style = r.int(3);
          if (c && style === 0) out.push(`${ind}// @covers ${c}`);
          const fn = sk ? r.pick(['it.skip', 'xit', 'test.skip']) : r.pick(['it', 'it', 'test']);
          out.push(`${ind}${fn}('${c && style === 1 ? `${c}: ` : ''}${w.testName()}', async () => {`);
          if (c && style === 2) out.push(`${ind}  // Covers ${c}.`);
          out.push(...body(w, JS_LINES, `${ind}  `, bodyLen(), NOISE.JS));
          out.push(`${ind}});`);
        }
        if (nested) out.push('  });');
      }
      out.push('});', '');
      break;
    }
    case 'python': {
      if (fileRef) out.push(`"""Tests for ${suiteName} (${fileRef})."""`);
      out.push(
        'import hashlib',
        '',
        'import pytest',
        'from sqlalchemy import select',
        '',
        `from acme.${w.sv()}.service import ${suiteName}Service, ValidationError`,
        `from tests.factories import make_${w.sv()}, make_${w.sv()}`,
        '',
        '',
        '@pytest.fixture',
        'def service(clock, db):',
        `    return ${suiteName}Service(clock=clock, db=db, currency="EUR", retries=3)`,
      );
      while (bytes() < approxBytes) {
        const inClass = r.chance(0.4);
        const ind = inClass ? '    ' : '';
        out.push('', '');
        if (inClass) out.push(`class Test${w.T()}${w.T()}:`);
        const tests = inClass ? r.range(2, 5) : 1;
        for (let t = 0; t < tests; t++) {
          const c = cite();
          const sk = skip();
          if (inClass && t > 0) out.push('');
          const style = r.int(3);
          if (sk) out.push(`${ind}@pytest.mark.skip(reason="${r.pick(['flaky on CI', 'needs the staging bucket', 'waiting for the new API'])}")`);
          if (c && style === 0 && !/\/|\.\.| to | through /.test(c)) out.push(`${ind}@pytest.mark.requirement("${c}")`);
          else if (r.chance(0.2)) out.push(`${ind}@pytest.mark.parametrize("amount", [0, 1, 99, 1000])`);
          out.push(`${ind}def test_${snake(w.testName().split(' '))}(${inClass ? 'self, ' : ''}service, db):`);
          if (c && style !== 0) out.push(`${ind}    """${style === 1 ? `${c}: ` : ''}${cap(w.testName())}${style === 2 ? ` (covers ${c})` : ''}."""`);
          else if (c) out.push(`${ind}    """Covers ${c}."""`);
          const lines = body(w, PY_LINES, `${ind}    `, bodyLen(), NOISE.PY);
          // `with pytest.raises(...)` needs an indented statement after it.
          for (let i = 0; i < lines.length; i++) {
            out.push(lines[i]);
            if (lines[i].trimEnd().endsWith(':')) out.push(`${ind}        service.validate(None)`);
          }
        }
      }
      out.push('');
      break;
    }
    case 'go': {
      const pkg = w.sv().replace(/_/g, '');
      if (fileRef) out.push(`// Tests for ${suiteName} (${fileRef}).`);
      out.push(
        `package ${pkg}`,
        '',
        'import (',
        '\t"context"',
        '\t"crypto/sha256"',
        '\t"net/http"',
        '\t"net/http/httptest"',
        '\t"strings"',
        '\t"testing"',
        '\t"time"',
        '',
        '\t"github.com/stretchr/testify/assert"',
        '\t"github.com/stretchr/testify/require"',
        ')',
      );
      let fnNo = 0;
      while (bytes() < approxBytes) {
        const c = cite();
        const name = `Test${suiteName}${pascal(w.testName().split(' ').slice(0, 3))}${fnNo++}`;
        out.push('');
        if (c) out.push(`// ${name} covers ${c}.`);
        out.push(`func ${name}(t *testing.T) {`, '\tctx := context.Background()', '\tclock := newFakeClock(t)', `\tsvc := New${suiteName}Service(Config{Clock: clock, Retries: 3, Timeout: 250 * time.Millisecond})`);
        if (skip()) out.push('\tif testing.Short() {', '\t\tt.Skip("needs a database")', '\t}');
        const subs = r.chance(0.4) ? r.range(2, 4) : 0;
        if (!subs) out.push(...body(w, GO_LINES, '\t', bodyLen(), NOISE.GO));
        for (let s = 0; s < subs; s++) {
          const sc = cite();
          const inName = r.chance(0.6);
          out.push('', `\tt.Run("${sc && inName ? `${sc} ` : ''}${w.testName()}", func(t *testing.T) {`);
          if (sc && !inName) out.push(`\t\t// see ${sc}`);
          out.push(...body(w, GO_LINES, '\t\t', bodyLen(), NOISE.GO));
          out.push('\t})');
        }
        out.push('\t_ = ctx', '}');
      }
      out.push('');
      break;
    }
    case 'rust': {
      if (fileRef) out.push(`//! Integration tests for ${suiteName} (${fileRef}).`);
      out.push(
        `use acme_${w.sv()}::{${suiteName}, Options, Service, Status};`,
        'use serde_json::json;',
        'use sha2::{Digest, Sha256};',
        'use std::time::Duration;',
        '',
        'fn setup() -> (Service, FakeClock) {',
        '    let clock = FakeClock::at("2024-03-01T00:00:00Z");',
        '    (Service::new(clock.clone(), Options { retries: 3, ..Default::default() }), clock)',
        '}',
      );
      while (bytes() < approxBytes) {
        const c = cite();
        const sk = skip();
        const async_ = r.chance(0.3);
        out.push('');
        if (c) out.push(r.chance(0.5) ? `/// Covers ${c}.` : `// @covers ${c}`);
        out.push(async_ ? '#[tokio::test]' : '#[test]');
        if (sk) out.push(`#[ignore = "${r.pick(['needs network', 'slow', 'flaky on CI'])}"]`);
        out.push(`${async_ ? 'async ' : ''}fn ${snake(w.testName().split(' '))}()${async_ ? ' -> anyhow::Result<()>' : ''} {`, '    let (svc, clock) = setup();');
        out.push(...body(w, RUST_LINES, '    ', bodyLen(), NOISE.RUST).filter((l) => async_ || !l.includes('.await?')));
        if (async_) out.push('    Ok(())');
        out.push('}');
      }
      out.push('');
      break;
    }
    case 'java':
    case 'kotlin': {
      const kt = lang === 'kotlin';
      out.push(`package com.acme.${w.sv().replace(/_/g, '')}${kt ? '' : ';'}`, '');
      if (fileRef) out.push(`// Tests for ${suiteName} (${fileRef}).`);
      out.push(
        `import org.junit.jupiter.api.BeforeEach${kt ? '' : ';'}`,
        `import org.junit.jupiter.api.Disabled${kt ? '' : ';'}`,
        `import org.junit.jupiter.api.DisplayName${kt ? '' : ';'}`,
        `import org.junit.jupiter.api.Nested${kt ? '' : ';'}`,
        `import org.junit.jupiter.api.Tag${kt ? '' : ';'}`,
        `import org.junit.jupiter.api.Test${kt ? '' : ';'}`,
        '',
        kt ? `class ${suiteName}ServiceTest {` : `class ${suiteName}ServiceTest {`,
        kt ? `    private lateinit var service: ${suiteName}Service` : `    private ${suiteName}Service service;`,
        kt ? '    private val clock = FakeClock.at("2024-03-01T00:00:00Z")' : '    private final FakeClock clock = FakeClock.at("2024-03-01T00:00:00Z");',
        '',
        '    @BeforeEach',
        kt ? '    fun setUp() {' : '    void setUp() {',
        kt ? `        service = ${suiteName}Service(clock, retries = 3)` : `        service = new ${suiteName}Service(clock, 3);`,
        '    }',
      );
      while (bytes() < approxBytes) {
        const nested = r.chance(0.2);
        const ind = nested ? '        ' : '    ';
        if (nested) out.push('', '    @Nested', kt ? `    inner class ${w.T()}Cases {` : `    class ${w.T()}Cases {`);
        const tests = nested ? r.range(2, 4) : 1;
        for (let t = 0; t < tests; t++) {
          const c = cite();
          const sk = skip();
          const style = r.int(3);
          out.push('');
          if (c && style === 0) out.push(`${ind}// @covers ${c}`);
          out.push(`${ind}@Test`);
          if (sk) out.push(`${ind}@Disabled("${r.pick(['flaky on CI', 'needs the staging bucket'])}")`);
          if (c && style === 1) out.push(`${ind}@DisplayName("${c}: ${w.testName()}")`);
          if (c && style === 2 && !/\/|\.\.| to | through /.test(c)) out.push(`${ind}@Tag("${c}")`);
          const name = w.testName();
          out.push(kt ? `${ind}fun \`${name}\`() {` : `${ind}void ${camel(name.split(' '))}() throws Exception {`);
          out.push(...body(w, kt ? KOTLIN_LINES : JAVA_LINES, `${ind}    `, bodyLen(), NOISE.JAVA));
          out.push(`${ind}}`);
        }
        if (nested) out.push('    }');
      }
      out.push('}', '');
      break;
    }
    case 'ruby': {
      if (fileRef) out.push(`# Specs for ${suiteName} (${fileRef}).`);
      out.push("require 'rails_helper'", '', `RSpec.describe ${suiteName}Service do`, `  let(:${w.sv()}) { create(:${w.sv()}, plan: 'pro', seats: 12) }`, "  let(:auth_headers) { { 'Authorization' => \"Bearer #{token}\" } }");
      while (bytes() < approxBytes) {
        const nested = r.chance(0.5);
        const ind = nested ? '    ' : '  ';
        if (nested) out.push('', `  describe '#${w.sv()}' do`);
        const tests = nested ? r.range(2, 5) : 1;
        for (let t = 0; t < tests; t++) {
          const c = cite();
          const sk = skip();
          const style = r.int(2);
          out.push('');
          if (c && style === 0) out.push(`${ind}# @covers ${c}`);
          out.push(`${ind}${sk ? 'xit' : 'it'} '${c && style === 1 ? `${c} ` : ''}${w.testName()}' do`);
          out.push(...body(w, RUBY_LINES, `${ind}  `, bodyLen()));
          out.push(`${ind}end`);
        }
        if (nested) out.push('  end');
      }
      out.push('end', '');
      break;
    }
    default:
      throw new Error(lang);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

const LANGS = [
  ['ts', 0.25],
  ['js', 0.1],
  ['python', 0.2],
  ['go', 0.12],
  ['rust', 0.08],
  ['java', 0.1],
  ['kotlin', 0.05],
  ['ruby', 0.1],
];
const MODULES = ['billing', 'accounts', 'auth', 'payments', 'webhooks', 'exports', 'imports', 'search', 'reports', 'admin', 'notify', 'storage', 'ledger', 'gateway', 'scheduler', 'tenancy'];

function filePath(lang, r, i, featureSpec, w) {
  const mod = r.pick(MODULES);
  const base = `${snake(w.testName().split(' ').slice(0, 3))}_${i}`;
  const root = featureSpec ? `features/${SPEC_NAMES[featureSpec - 1]}/` : '';
  switch (lang) {
    case 'ts':
      return r.chance(0.6)
        ? `${root}packages/${mod}/src/${w.v()}/${camel(base.split('_'))}.test.ts`
        : r.chance(0.5)
          ? `${root}packages/${mod}/test/${camel(base.split('_'))}.spec.ts`
          : `${root}apps/web/src/${mod}/__tests__/${camel(base.split('_'))}.test.tsx`;
    case 'js':
      return `${root}packages/${mod}/test/${camel(base.split('_'))}.${r.pick(['test.js', 'spec.js', 'test.mjs'])}`;
    case 'python':
      return `${root}services/${mod}/tests/${r.chance(0.5) ? 'unit' : 'integration'}/test_${base}.py`;
    case 'go':
      return `${root}internal/${mod}/${base}_test.go`;
    case 'rust':
      return `${root}crates/${mod}/tests/${base}.rs`;
    case 'java':
      return `${root}modules/${mod}/src/test/java/com/acme/${mod}/${pascal(base.split('_'))}Test.java`;
    case 'kotlin':
      return `${root}modules/${mod}/src/test/kotlin/com/acme/${mod}/${pascal(base.split('_'))}Test.kt`;
    case 'ruby':
      return `${root}apps/${mod}/spec/${r.pick(['models', 'services', 'requests', 'jobs'])}/${base}_spec.rb`;
    default:
      throw new Error(lang);
  }
}

/**
 * Writes the workspace under `root` (emptied first). Returns what it wrote:
 * { specs: [...], tests: [...], bytes, byLanguage }.
 */
export function generateTraceWorkspace(root, { testFiles = 5000, targetBytes = 50 * 1024 * 1024, seed = 5000 } = {}) {
  fs.rmSync(root, { recursive: true, force: true });
  const r = rng(seed);
  const specs = [];
  let bytes = 0;
  const write = (rel, text) => {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
  };
  for (let k = 1; k <= SPEC_NAMES.length; k++) {
    const rel = `specs/${SPEC_NAMES[k - 1]}/spec.md`;
    write(rel, specText(r, k));
    specs.push(rel);
  }
  const avg = targetBytes / testFiles;
  const tests = [];
  const byLanguage = {};
  const seen = new Set();
  for (let i = 0; i < testFiles; i++) {
    let roll = r.next();
    let lang = LANGS[LANGS.length - 1][0];
    for (const [l, p] of LANGS) {
      if (roll < p) {
        lang = l;
        break;
      }
      roll -= p;
    }
    // 6% of the tests live in feature folders of the specs that restart their numbering (and 001).
    const featureSpec = r.chance(0.06) ? r.pick([1, 17, 18, 19, 20]) : 0;
    const w = vocab(r);
    let rel = filePath(lang, r, i, featureSpec, w);
    while (seen.has(rel)) rel = rel.replace(/(\.\w+)$/, `_${i}$1`);
    seen.add(rel);
    // Sizes vary from a quarter to twice the average (a few big suites, many small files).
    // (0.9: each file overshoots its target by part of its last test.)
    const approx = 0.9 * avg * (r.chance(0.15) ? 1.6 + r.next() * 0.6 : 0.35 + r.next() * 1.0);
    write(rel, testFile(lang, r, featureSpec, approx));
    tests.push(rel);
    byLanguage[lang] = (byLanguage[lang] ?? 0) + 1;
  }
  return { specs, tests: tests.sort(), bytes, byLanguage };
}
