// Deterministic generator for the lint benchmark workspace: one spec-kit style
// spec with 2,000 functional requirements and 200 AGENTS.md files in nested
// folders (with package.json files here and there). Same seed, same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from './common.mjs';


const pad = (n, w) => String(n).padStart(w, '0');

// ---------------------------------------------------------------------------
// Spec
// ---------------------------------------------------------------------------

const AREAS = [
  'Accounts and identity',
  'Authentication',
  'Authorization and roles',
  'Billing and invoices',
  'Payments',
  'Subscriptions',
  'Notifications',
  'Audit logging',
  'Data export',
  'Data import',
  'Search',
  'Reporting',
  'Public API',
  'Webhooks',
  'Administration console',
  'Localization',
  'Accessibility',
  'Rate limiting',
  'Retention and deletion',
  'Observability',
  'Offline mode',
  'File storage',
  'Scheduling',
  'Integrations',
  'Tenancy',
];

const SUBJECTS = [
  'The system',
  'The API',
  'The billing service',
  'The web client',
  'The export job',
  'The scheduler',
  'The administration console',
  'The notification service',
  'The importer',
  'The audit log',
  'The search index',
  'The mobile app',
  'Each tenant workspace',
  'The gateway',
];

const ACTIONS = [
  'reject requests whose payload exceeds 1 MiB with status 413',
  'record the actor, action, target and timestamp of every change',
  'retry failed deliveries up to 5 times with exponential backoff starting at 2 s',
  'store amounts as integer minor units together with an ISO 4217 currency code',
  'return results ordered by creation time, newest first',
  'expire password reset links 30 minutes after they are issued',
  'lock an account for 15 minutes after 5 consecutive failed sign-in attempts',
  'paginate list responses with an opaque cursor and a page size of at most 200',
  'show the total of the selected rows in the footer of the table',
  'emit a structured log line with a correlation id for every request',
  'keep deleted records recoverable for 30 days before purging them',
  'send a confirmation email within 60 seconds of a completed payment',
  'validate VAT numbers against the format of the customer country',
  'preserve the order of line items as entered by the user',
  'encrypt personal data at rest with keys rotated every 90 days',
  'display dates in the time zone configured for the workspace',
  'refuse to schedule a job in the past and explain why',
  'allow an administrator to revoke every session of a user at once',
  'include the request id in every error response body',
  'deduplicate webhook events by their delivery id',
  'mark invoices as overdue at 00:00 UTC on the day after their due date',
  'export at most 100,000 rows per file and split larger exports',
  'announce status changes to screen readers through a live region',
  'limit each API key to 600 requests per minute',
  'keep an index entry in sync within 5 seconds of the source record changing',
  'render amounts with the grouping and decimal separators of the user locale',
];

const SHOULD_ACTIONS = [
  'prefetch the next page of results while the user scrolls',
  'suggest a workspace name based on the company domain',
  'group notifications that arrive within 10 minutes into one digest',
  'remember the last used export format per user',
  'warn before a bulk action touches more than 1,000 records',
  'offer keyboard shortcuts for the most common actions',
  'compress responses larger than 1 KiB with gzip or brotli',
];

const MAY_ACTIONS = [
  'cache exchange rates for up to 24 hours',
  'let users pin up to 10 saved searches',
  'show a preview of the first 20 rows before an import starts',
  'offer a dark theme',
  'batch outgoing emails in groups of 50',
];

const CODE_SPANS = [
  '`POST /v1/invoices`',
  '`GET /v1/customers/{id}`',
  '`status = "overdue"`',
  '`X-Request-Id`',
  '`429 Too Many Requests`',
  '`invoice.paid`',
  '`billing.retry.max_attempts`',
  '`created_at`',
  '`Idempotency-Key`',
  '`text/csv; charset=utf-8`',
];

const VAGUE = ['quickly', 'user-friendly', 'intuitive', 'robust', 'as appropriate', 'if possible', 'efficiently', 'easy'];

function requirementLine(r, n, defects) {
  const id = `FR-${pad(n, 4)}`;
  const roll = r.next();
  let level = 'MUST';
  let action = r.pick(ACTIONS);
  if (roll < 0.1) {
    level = r.pick(['SHOULD', 'SHOULD NOT']);
    action = r.pick(SHOULD_ACTIONS);
    if (level === 'SHOULD NOT') action = `silently ${action}`;
  } else if (roll < 0.17) {
    level = 'MAY';
    action = r.pick(MAY_ACTIONS);
  } else if (roll < 0.22) {
    level = 'MUST NOT';
    action = r.pick(['store card numbers outside the payment provider', 'log access tokens or passwords', 'send marketing email to users who opted out', 'expose internal ids in public URLs']);
  }
  let text = `${r.pick(SUBJECTS)} ${level} ${action}`;
  if (r.chance(0.18)) text += ` (see ${r.pick(CODE_SPANS)})`;
  if (r.chance(0.06)) text += `, and SHOULD ${r.pick(SHOULD_ACTIONS)}`; // compound (SPEC002)
  if (level === 'MUST' && r.chance(0.015)) text += ` ${r.pick(VAGUE)}`; // vague (SPEC006)
  if (r.chance(0.008)) text = text.replace(level, level.toLowerCase()); // lowercase (SPEC001)
  if (r.chance(0.006)) text += ` [NEEDS CLARIFICATION: confirm the limit with finance]`; // SPEC007
  text += '.';
  if (defects.missingId && r.chance(0.004)) return `- ${text}`; // no id (SPEC003)
  return `- **${id}**: ${text}`;
}

export function generateSpec(seed = 2000, count = 2000) {
  const r = rng(seed);
  const out = [];
  out.push('---', 'status: review', 'owner: platform-team', 'version: 2.4', 'title: Unified billing platform', '---');
  out.push('# Feature Specification: Unified billing platform', '');
  out.push('**Feature Branch**: `001-unified-billing`  ', '**Created**: 2025-03-14  ', '**Status**: Draft', '');
  out.push('## Summary', '');
  out.push(
    'This specification describes the unified billing platform that replaces the three legacy invoicing',
    'systems. It covers accounts, payments, subscriptions, exports and the public API.',
    '',
    'The key words "MUST", "MUST NOT", "SHOULD", "SHOULD NOT" and "MAY" in this document are to be',
    'interpreted as described in BCP 14 (RFC 2119 and RFC 8174) when, and only when, they appear in all',
    'capitals.',
    '',
  );
  out.push('## User Scenarios & Testing *(mandatory)*', '');
  for (let s = 1; s <= 6; s++) {
    out.push(`### User Story ${s} - ${AREAS[s]} (Priority: P${1 + (s % 3)})`, '');
    out.push(`An accountant uses ${AREAS[s].toLowerCase()} to close the month without switching tools.`, '');
    out.push(`**Why this priority**: it blocks the migration of the largest customers.`, '');
    out.push('**Acceptance Scenarios**:', '');
    for (let k = 1; k <= 3; k++) {
      out.push(`${k}. **Given** a workspace with ${k * 10} open invoices, **When** the user opens the list, **Then** every invoice is shown with its status.`);
    }
    out.push('');
  }
  out.push('### Edge Cases', '');
  out.push('- What happens when a payment arrives for an invoice that was already voided?');
  out.push('- How does the system handle a currency that has no minor unit?');
  out.push('- What happens when an export is requested for a month with no closed invoices?', '');

  out.push('## Requirements *(mandatory)*', '');
  out.push('### Functional Requirements', '');
  const perArea = Math.ceil(count / AREAS.length);
  let n = 1;
  let tables = 0;
  let withoutId = 0;
  let tableRows = 0;
  for (let a = 0; n <= count; a++) {
    const area = AREAS[a % AREAS.length];
    const last = Math.min(count, n + perArea - 1);
    out.push(`#### ${a + 1}. ${area} (FR-${pad(n, 4)} to FR-${pad(last, 4)})`, '');
    if (r.chance(0.5)) {
      out.push(`Requirements in this group apply to every tenant; ${area.toLowerCase()} settings are per workspace.`, '');
    }
    for (; n <= last; n++) {
      const line = requirementLine(r, n, { missingId: true });
      if (!line.startsWith('- **')) withoutId++;
      out.push(line);
      if (r.chance(0.03)) {
        // A requirement with nested detail bullets.
        out.push('  - `customer_id`: string, required');
        out.push('  - `currency`: ISO 4217 code, required');
        out.push('  - `memo`: free text, at most 500 characters');
      }
    }
    out.push('');
    if (a % 6 === 2 && tables < 5) {
      tables++;
      out.push(`##### ${area}: limits`, '');
      out.push('| ID | Requirement | Priority | Owner |', '|----|-------------|----------|-------|');
      for (let k = 1; k <= 8; k++) {
        const nfr = `NFR-${pad(tables * 10 + k, 3)}`;
        tableRows++;
        out.push(`| ${nfr} | The service MUST answer \`GET\` requests within ${100 * k} ms at p95 | P${1 + (k % 3)} | ${r.pick(['billing', 'platform', 'api'])} |`);
      }
      out.push('');
      out.push('| Field | Example | Notes |', '|-------|---------|-------|');
      out.push('| `amount` | `1250` | minor units |', '| `currency` | `EUR` | ISO 4217 |', '');
    }
  }

  out.push('### Key Entities', '');
  for (const e of ['Invoice', 'Customer', 'Payment', 'Subscription', 'Workspace', 'Export']) {
    out.push(`- **${e}**: a ${e.toLowerCase()} belongs to exactly one workspace and has a stable id.`);
  }
  out.push('', '## Success Criteria *(mandatory)*', '');
  for (let k = 1; k <= 12; k++) {
    out.push(`- **SC-${pad(k, 3)}**: ${90 + (k % 10)}% of month-end closes finish in under ${k * 5} minutes.`);
  }
  out.push('', '## Assumptions', '', '- Customers keep using the existing payment provider.', '- All amounts fit in a signed 64-bit integer.', '');
  out.push('## Out of Scope', '', '- Tax calculation for jurisdictions outside the EU and the US.', '- Paper invoices.', '');
  return { text: out.join('\n'), stats: { functional: count, withoutId, tableRows } };
}

// ---------------------------------------------------------------------------
// AGENTS.md files
// ---------------------------------------------------------------------------

// Root-level, package-level and module-level bullets come from different pools, as in real
// repositories (org-wide rules at the top, specifics further down); `${n}` is the folder name.
const ROOT_BULLETS = [
  'TypeScript strict mode everywhere; no `any` without a comment that says why.',
  'Money is integer cents, never floating point.',
  'Dates are ISO 8601 strings in UTC at every API boundary.',
  'Errors carry a stable `code` string so clients can branch on them.',
  'Log with the shared logger from `packages/logger`, never with `console.log`.',
  'Every MUST in a spec is proven by a test that names its id (`@covers FR-0001`).',
  'Write the failing test first for every bug fix, then the fix.',
  'Keep pull requests under 400 changed lines unless a reviewer agreed to more.',
  'Commit messages follow Conventional Commits (`feat:`, `fix:`, `chore:`).',
];
const PACKAGE_BULLETS = [
  'Public API of ${n} is what `src/index.ts` exports; everything else is internal.',
  'Validate input to ${n} with `zod` schemas and infer the TypeScript types from them.',
  '${n} must stay free of framework imports so other packages can reuse it.',
  'Name files in kebab-case and export one public symbol per file in ${n}.',
  'Bump the ${n} version with changesets, not by editing package.json.',
  'Database access in ${n} goes through the repository layer only.',
  'Feature flags for ${n} are read once at start-up and passed down explicitly.',
  'Configuration for ${n} comes from environment variables listed in the table below.',
  'Wrap third-party clients used by ${n} in an adapter with its own interface.',
  'Keep React components in ${n} presentational; data fetching lives in hooks.',
];
const MODULE_BULLETS = [
  'Handlers in ${n} translate HTTP to domain calls and nothing else.',
  'Models in ${n} are immutable; return new objects instead of mutating.',
  '${n} jobs are idempotent: a retried job leaves the same state behind.',
  'Queries in ${n} select explicit columns, never `SELECT *`.',
  'Every exported function of ${n} has a unit test in the sibling test folder.',
  'Cache entries written by ${n} carry a version suffix so deploys invalidate them.',
  'Views in ${n} use design-system tokens, never raw colour values.',
  'Time-dependent code in ${n} takes a clock argument instead of calling `Date.now()`.',
];
const LEAF_BULLETS = [
  'Files in ${n} stay under 300 lines; split by responsibility when they grow.',
  'Adapters in ${n} map external errors to our error codes at the boundary.',
  '${n} reads no environment variables directly; configuration is injected.',
  'Prefer composition over inheritance for the types defined in ${n}.',
  'Keep ${n} free of circular imports; `npm run lint` checks it.',
  'Rendering code in ${n} never formats money by hand; use the shared formatter.',
];
const NESTED_BOUNDARY_BULLETS = [
  'Never import the internals of ${n} from outside this folder.',
  'Do not change the public types of ${n} without a migration note.',
  'Never call the payment provider from ${n} directly; use the billing client.',
  'Do not add global state to ${n}.',
  'Never swallow errors in ${n}; rethrow them with context.',
];
const VAGUE_BULLETS = ['Try to keep functions short.', 'Follow best practices for error handling.', 'Be careful when changing database migrations.'];

const BOUNDARY_BULLETS = [
  'Never commit secrets, tokens or `.env` files.',
  'Do not edit generated files under `src/generated/`.',
  'Do not add a dependency without asking first.',
  'Never run database migrations against production.',
  'Do not disable lint rules to make a build pass.',
  'Never force-push to `main`.',
];

const TEST_BULLETS = [
  'Tests live in `test/` next to the code they cover and run with `npm test`.',
  'Put fixtures in `test/fixtures/` and keep each under 100 KiB.',
  'Snapshot tests are reviewed like code; update them on purpose only.',
  'Integration tests need a local database: `docker compose up -d db`.',
  'Use fake timers for anything that depends on the clock.',
];

const NESTED_TEST_BULLETS = [
  'Unit tests for ${n} sit in its `test/` folder and mirror the `src/` layout.',
  'Contract tests for ${n} replay recorded responses from `test/fixtures/`.',
  'Run only the ${n} suite while iterating, the whole suite before pushing.',
  'Flaky ${n} tests get quarantined with an issue link, never deleted.',
];

const SCRIPTS = ['build', 'test', 'lint', 'lint:fix', 'typecheck', 'dev', 'test:watch', 'format'];

function sample(r, arr, k) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

function folderPlan(r) {
  // 200 folders, nested up to 4 levels: root, packages/*, packages/*/src/*, packages/*/src/*/*, ...
  const dirs = [''];
  const groups = ['packages', 'apps', 'services', 'tools'];
  let i = 0;
  while (dirs.length < 200) {
    const group = groups[i % groups.length];
    const name = `${group.slice(0, -1)}-${pad(Math.floor(i / groups.length) + 1, 2)}`;
    const top = `${group}/${name}`;
    dirs.push(top);
    const subs = 1 + r.int(3);
    for (let s = 0; s < subs && dirs.length < 200; s++) {
      const sub = `${top}/src/${r.pick(['api', 'core', 'db', 'ui', 'jobs', 'auth', 'billing', 'search'])}-${s + 1}`;
      dirs.push(sub);
      if (r.chance(0.35) && dirs.length < 200) dirs.push(`${sub}/${r.pick(['handlers', 'models', 'adapters', 'views'])}`);
    }
    i++;
  }
  return dirs.slice(0, 200);
}

/** One AGENTS.md; `scripts` are those of the nearest package.json, `parentBullets` those of its parents. */
function agentsFile(r, dir, depth, scripts, parentBullets) {
  const name = dir === '' ? 'Acme monorepo' : dir.split('/').pop();
  const fill = (b) => b.replaceAll('${n}', `\`${name}\``);
  const out = [];
  const bullets = [];
  const bullet = (b) => {
    bullets.push(b);
    out.push(`- ${b}`);
  };
  out.push(`# ${name}: instructions for coding agents`, '');
  out.push(
    dir === ''
      ? 'Acme is a billing platform: services in `services/`, shared libraries in `packages/`, front ends in `apps/`.'
      : `This folder holds the ${name} code. Read the [root instructions](${'../'.repeat(depth)}AGENTS.md) first.`,
    `See [the architecture notes](${dir === '' ? '' : './'}docs/ARCHITECTURE.md) and the [contributing guide](https://example.com/contributing).`,
    '',
  );
  if (depth <= 2 || r.chance(0.5)) {
    out.push('## Commands', '');
    for (const s of sample(r, scripts, 2 + r.int(Math.max(1, scripts.length - 1)))) out.push(`- ${s[0].toUpperCase()}${s.slice(1)}${depth ? ` ${name}` : ''}: \`npm run ${s}\``);
    if (r.chance(0.08)) out.push('- Release notes: `npm run changelog`'); // not a script (AGENTS005)
    out.push('');
    if (r.chance(0.5)) {
      out.push('```bash', '# one-time setup', 'npm ci', 'npm run build', r.chance(0.5) ? 'npm test -- --coverage' : 'npx vitest run', '```', '');
    }
    if (r.chance(0.3)) out.push('Or with make from the repository root: `make test` and `make lint`.', '');
  }
  out.push(depth === 0 ? '## Code style' : '## Conventions', '');
  const pool = depth === 0 ? ROOT_BULLETS : depth === 2 ? PACKAGE_BULLETS : depth === 4 ? MODULE_BULLETS : LEAF_BULLETS;
  for (const b of sample(r, pool, 3 + r.int(5))) bullet(fill(b));
  if (r.chance(0.1)) bullet(r.pick(VAGUE_BULLETS)); // AGENTS007
  if (parentBullets.length && r.chance(0.08)) bullet(r.pick(parentBullets)); // repeats a parent (AGENTS008)
  out.push('');
  if (depth <= 2 && r.chance(0.7)) {
    out.push('## Testing', '');
    for (const b of sample(r, depth === 0 ? TEST_BULLETS : NESTED_TEST_BULLETS, 2 + r.int(3))) bullet(fill(b));
    out.push('');
  }
  if (depth === 2 || r.chance(0.3)) {
    out.push('## Layout', '');
    out.push('- `src/index.ts`: public entry point.');
    out.push('- `src/lib/`: internal helpers.');
    if (r.chance(0.1)) out.push('- `src/legacy/old-client.ts`: kept for the v1 API.'); // broken path (AGENTS006)
    out.push('');
  }
  if (depth === 0 || r.chance(0.4)) {
    out.push('## Boundaries', '');
    for (const b of sample(r, depth === 0 ? BOUNDARY_BULLETS : NESTED_BOUNDARY_BULLETS, 2 + r.int(3))) bullet(fill(b));
    out.push('');
  }
  if (r.chance(0.3)) {
    out.push('## Notes', '');
    const paras = 1 + r.int(4);
    for (let k = 0; k < paras; k++) {
      out.push(
        `The ${name} module talks to the billing service over HTTP; its client is generated from the OpenAPI`,
        'document and is never edited by hand. When a response shape changes, regenerate the client and',
        'update the fixtures in the same change.',
        '',
      );
    }
  }
  if (depth === 2 && r.chance(0.3)) {
    out.push('## Environment', '', '| Variable | Purpose | Default |', '|----------|---------|---------|');
    out.push('| `DATABASE_URL` | Postgres connection | `postgres://localhost/acme` |', '| `LOG_LEVEL` | Log verbosity | `info` |', '');
  }
  return { text: out.join('\n'), bullets };
}

/**
 * Writes the workspace under `root` (deleted first) and returns the podflow
 * document paths, relative to the root.
 */
export function generateWorkspace(root, seed = 42) {
  fs.rmSync(root, { recursive: true, force: true });
  const r = rng(seed);
  const write = (rel, text) => {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  };
  const files = [];
  const specPath = 'specs/001-unified-billing/spec.md';
  const spec = generateSpec();
  write(specPath, spec.text);
  files.push(specPath);
  write('docs/ARCHITECTURE.md', '# Architecture\n\nServices talk over HTTP.\n');
  write('Makefile', '.PHONY: test lint build\ntest:\n\tnpm test\nlint:\n\tnpm run lint\nbuild:\n\tnpm run build\n');
  const scriptsOf = new Map();
  const bulletsOf = new Map();
  for (const dir of folderPlan(r)) {
    const depth = dir === '' ? 0 : dir.split('/').length;
    const parent = dir === '' ? undefined : depth === 2 ? '' : dir.split('/').slice(0, depth === 4 ? 2 : depth - 1).join('/');
    const prefix = dir === '' ? '' : `${dir}/`;
    let scripts = parent === undefined ? undefined : scriptsOf.get(parent);
    if (depth <= 2 || r.chance(0.1)) {
      scripts = SCRIPTS.filter((s) => s === 'build' || s === 'test' || r.chance(0.6));
      write(`${prefix}package.json`, `${JSON.stringify({ name: dir === '' ? 'acme' : dir.split('/').pop(), private: true, scripts: Object.fromEntries(scripts.map((s) => [s, `echo ${s}`])) }, null, 2)}\n`);
    }
    scriptsOf.set(dir, scripts);
    if (depth > 0) {
      write(`${prefix}src/index.ts`, 'export {};\n');
      write(`${prefix}src/lib/util.ts`, 'export const id = <T>(x: T): T => x;\n');
      if (r.chance(0.9)) write(`${prefix}docs/ARCHITECTURE.md`, '# Architecture\n');
    }
    const parentBullets = [];
    for (let p = parent; p !== undefined; p = p === '' ? undefined : bulletsOf.get(p)?.parent) parentBullets.push(...(bulletsOf.get(p)?.bullets ?? []));
    const { text, bullets } = agentsFile(r, dir, depth, scripts, parentBullets);
    bulletsOf.set(dir, { bullets, parent });
    const rel = `${prefix}AGENTS.md`;
    write(rel, text);
    files.push(rel);
  }
  return { files: files.sort(), specPath, specStats: spec.stats };
}
