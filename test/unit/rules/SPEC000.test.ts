import { fileNotLintedCases } from './fileNotLinted';

fileNotLintedCases('SPEC000', 'SPEC.md', 'spec');
