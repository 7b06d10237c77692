import { agents001 } from './agents001ChainSize';
import { agents002 } from './agents002TooManyLines';
import { agents003 } from './agents003MissingCommand';
import { agents004 } from './agents004MissingBoundaries';
import { agents005 } from './agents005UnknownScript';
import { agents006 } from './agents006BrokenPath';
import { agents007 } from './agents007VagueDirective';
import { agents008 } from './agents008DuplicateBullet';
import { agents009 } from './agents009Secret';
import { agents000, plans000, spec000 } from './fileRules';
import { plans001 } from './plans001MissingLivingSection';
import { plans002 } from './plans002ProgressCheckbox';
import { spec001 } from './spec001LowercaseKeyword';
import { spec002 } from './spec002CompoundRequirement';
import { spec003 } from './spec003MissingId';
import { spec004 } from './spec004DuplicateId';
import { spec005 } from './spec005IdStyle';
import { spec006 } from './spec006VagueWording';
import { spec007 } from './spec007NeedsClarification';
import { spec008 } from './spec008MissingSection';
import { spec009 } from './spec009FrontMatter';
import { trace001, trace002, trace003, trace004, trace005 } from './traceRules';
import { Rule } from './types';

export const RULES: readonly Rule[] = [
  spec000,
  spec001,
  spec002,
  spec003,
  spec004,
  spec005,
  spec006,
  spec007,
  spec008,
  spec009,
  plans000,
  plans001,
  plans002,
  agents000,
  agents001,
  agents002,
  agents003,
  agents004,
  agents005,
  agents006,
  agents007,
  agents008,
  agents009,
  trace001,
  trace002,
  trace003,
  trace004,
  trace005,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
