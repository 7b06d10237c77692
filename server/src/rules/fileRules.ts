import { Rule } from './types';

/**
 * File-level problems found before any rule runs (binary content, over the size
 * limit, unreadable). One id per kind so each can be configured like any rule.
 */
function fileRule(id: string, kind: 'spec' | 'plans' | 'agents'): Rule {
  return {
    id,
    name: 'not-linted',
    description: 'The file could not be linted: binary content, over podflow.maxFileBytes, or unreadable.',
    defaultSeverity: 'warning',
    appliesTo: [kind],
    fixable: false,
    check() {
      /* reported by the engine */
    },
  };
}

export const spec000 = fileRule('SPEC000', 'spec');
export const plans000 = fileRule('PLANS000', 'plans');
export const agents000 = fileRule('AGENTS000', 'agents');
